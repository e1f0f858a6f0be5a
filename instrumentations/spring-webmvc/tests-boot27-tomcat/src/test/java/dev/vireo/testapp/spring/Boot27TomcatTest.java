package dev.vireo.testapp.spring;

/**
 * The Spring Web MVC scenarios on Spring Boot 2.7 (Spring Framework 5.3, {@code javax.servlet}) with
 * embedded Tomcat 9. RestClient does not exist there: the shop's summary controller is not loaded.
 */
class Boot27TomcatTest extends SpringWebMvcScenarios {}
