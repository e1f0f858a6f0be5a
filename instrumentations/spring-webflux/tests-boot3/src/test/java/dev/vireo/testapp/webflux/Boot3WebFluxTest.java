package dev.vireo.testapp.webflux;

/** The WebFlux scenarios on Spring Boot 3 (Spring Framework 6, Reactor Netty 1.2, Reactor 3.7). */
class Boot3WebFluxTest extends WebFluxScenarios {}
