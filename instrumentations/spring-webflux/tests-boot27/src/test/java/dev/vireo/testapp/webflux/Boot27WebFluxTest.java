package dev.vireo.testapp.webflux;

/** The WebFlux scenarios on Spring Boot 2.7 (Spring Framework 5.3, Reactor Netty 1.0, Reactor 3.4). */
class Boot27WebFluxTest extends WebFluxScenarios {}
