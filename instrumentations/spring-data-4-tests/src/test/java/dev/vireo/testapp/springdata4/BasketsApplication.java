package dev.vireo.testapp.springdata4;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Boot 4 with Spring Data JPA 4 (Hibernate 7) on H2. */
@SpringBootApplication
public class BasketsApplication {}
