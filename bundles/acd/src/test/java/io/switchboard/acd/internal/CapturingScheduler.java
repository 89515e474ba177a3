package io.switchboard.acd.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;

/**
 * A scheduler that runs nothing by itself: it keeps the periodic tasks it is given, and the test
 * runs them ({@link #runPeriodic}) when it wants their time to have come. Only
 * {@code scheduleAtFixedRate} is modelled; any other call fails the test and names it.
 */
public final class CapturingScheduler {

    private final List<Runnable> periodic = new ArrayList<>();
    private final List<String> periods = new ArrayList<>();

    public final ScheduledExecutorService proxy = (ScheduledExecutorService) Proxy.newProxyInstance(
            CapturingScheduler.class.getClassLoader(), new Class<?>[] {ScheduledExecutorService.class},
            (p, method, args) -> {
                if (!method.getName().equals("scheduleAtFixedRate")) {
                    throw new AssertionError("the code under test called " + method.getName()
                            + ", which this scheduler does not model");
                }
                periodic.add((Runnable) args[0]);
                periods.add(args[2] + " " + args[3]);
                return Proxy.newProxyInstance(CapturingScheduler.class.getClassLoader(),
                        new Class<?>[] {ScheduledFuture.class}, (f, m, a) -> switch (m.getName()) {
                            case "cancel" -> true;
                            default -> throw new AssertionError("the code under test called future." + m.getName());
                        });
            });

    /** Runs each periodic task once, as if its period had passed. */
    public void runPeriodic() {
        periodic.forEach(Runnable::run);
    }

    /** Each periodic task's period, as "amount UNIT". */
    public List<String> periods() {
        return List.copyOf(periods);
    }
}
