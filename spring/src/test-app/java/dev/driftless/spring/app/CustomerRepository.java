package dev.driftless.spring.app;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** Customers, through Spring Data JPA. */
public interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findByName(String name);
}
