package dev.vireo.testapp.springdata;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Boot 2.7 with Spring Data JPA (Hibernate 5) on H2: the repositories under test. */
@SpringBootApplication
public class ItemsApplication {}
