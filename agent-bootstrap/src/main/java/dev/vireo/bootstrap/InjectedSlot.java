package dev.vireo.bootstrap;

/**
 * A field the agent adds to a class as it is loaded, where a module asks for one: a place for agent
 * state (a task's context) that costs one reference per object instead of an entry in a weak map.
 * The class implements this interface with the field {@code vireo$slot}; it lives on the bootstrap
 * class loader because JDK classes (fork/join tasks) carry it. Classes loaded before the agent was
 * installed cannot gain fields and do not implement it.
 */
public interface InjectedSlot {

  String FIELD_NAME = "vireo$slot";

  Object vireo$slot();

  void vireo$slot(Object value);
}
