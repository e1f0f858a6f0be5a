package dev.vireo.testapp.webflux;

/** The WebFlux scenarios on Spring Boot 4 (Spring Framework 7, Reactor Netty 1.3, Reactor 3.8). */
class Boot4WebFluxTest extends WebFluxScenarios {}
