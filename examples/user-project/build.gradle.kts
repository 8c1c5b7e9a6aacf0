// The same project for Gradle (Kotlin DSL). UserProjectTest checks that it declares what pom.xml declares.
plugins {
    java
}

java {
    toolchain {
        languageVersion = JavaLanguageVersion.of(17)
    }
}

repositories {
    mavenCentral()
    mavenLocal()          // until Driftless is on Maven Central: `./mvnw install` in a clone puts it there
}

dependencies {
    testImplementation(platform("dev.driftless:driftless-bom:0.1.0-SNAPSHOT"))
    testImplementation("dev.driftless:driftless-junit")
    testImplementation("dev.driftless:driftless-assertions")
    testImplementation(platform("org.junit:junit-bom:5.14.4"))
    testImplementation("org.junit.jupiter:junit-jupiter")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")
    testRuntimeOnly("org.slf4j:slf4j-simple:2.0.17")
}

tasks.test {
    useJUnitPlatform()
}
