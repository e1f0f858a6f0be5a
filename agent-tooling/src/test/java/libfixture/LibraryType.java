package libfixture;

/** A "library" class that both the agent and the application carry, for the class loader test. */
public final class LibraryType {}
