package dev.driftless.spring.app;

import java.util.concurrent.atomic.AtomicInteger;

/** A bean that counts how many application contexts were built with it; only the context-caching test uses it. */
public class ContextCounter {

    /** How many contexts built one; never reset, so tests read its change. */
    public static final AtomicInteger BUILT = new AtomicInteger();

    public ContextCounter() {
        BUILT.incrementAndGet();
    }
}
