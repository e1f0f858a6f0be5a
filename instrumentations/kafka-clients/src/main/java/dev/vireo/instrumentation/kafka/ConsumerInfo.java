package dev.vireo.instrumentation.kafka;

/** What every span of one consumer carries: its group and client id (either may be null). */
final class ConsumerInfo {

  final String groupId;
  volatile String clientId;
  volatile boolean clientIdResolved;

  ConsumerInfo(String groupId) {
    this.groupId = groupId;
  }
}
