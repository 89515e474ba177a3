package io.switchboard.acd.internal.routing;

/** The strategies the engine knows itself; any other name is a vendor's. */
enum BuiltInStrategy {
    LONGEST_IDLE("longest-idle"),
    BEST_SKILL("best-skill"),
    FEWEST_CALLS("fewest-calls"),
    ROUND_ROBIN("round-robin");

    final String strategyName;

    BuiltInStrategy(String strategyName) {
        this.strategyName = strategyName;
    }

    /** The built-in strategy of that name, or null for a vendor's. */
    static BuiltInStrategy named(String name) {
        for (BuiltInStrategy strategy : values()) {
            if (strategy.strategyName.equals(name)) {
                return strategy;
            }
        }
        return null;
    }
}
