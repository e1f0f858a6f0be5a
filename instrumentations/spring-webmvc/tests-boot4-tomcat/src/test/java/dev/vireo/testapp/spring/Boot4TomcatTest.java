package dev.vireo.testapp.spring;

/** The Spring Web MVC scenarios on Spring Boot 4 (Spring Framework 7) with embedded Tomcat 11. */
class Boot4TomcatTest extends SpringWebMvcClientScenarios {}
