package io.switchboard.acd.internal.desk;

import io.switchboard.acd.internal.config.AcdConfig;
import io.switchboard.acd.internal.config.Agent;
import io.switchboard.acd.internal.config.CustomerClass;
import io.switchboard.acd.internal.config.MaxWaitAction;
import io.switchboard.acd.internal.config.Queue;
import io.switchboard.acd.internal.routing.AgentProfile;
import io.switchboard.acd.internal.routing.OverflowStep;
import io.switchboard.acd.internal.routing.QueueRules;
import io.switchboard.acd.internal.routing.SkillRequirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The ACD's configuration (agents, queues, customer classes) as the desk reads it: queues turned
 * into routing rules, with an overflow step to another queue resolved to that queue's skill and
 * level. Reads the store's current snapshot each time, so changes apply at once.
 */
public final class ConfigDirectory implements AcdDirectory {

    private final Supplier<AcdConfig> config;
    private final Set<String> privateBankingCallers;

    /**
     * @param privateBankingCallers caller numbers known to be private-banking customers (class
     *                              {@code private-banking} when nothing else names a class)
     */
    public ConfigDirectory(Supplier<AcdConfig> config, Set<String> privateBankingCallers) {
        this.config = config;
        this.privateBankingCallers = Set.copyOf(privateBankingCallers);
    }

    @Override
    public Optional<QueuePlan> queue(String queueId) {
        AcdConfig current = config.get();
        return current.queue(queueId).map(queue -> plan(queue, current));
    }

    @Override
    public List<QueuePlan> queues() {
        AcdConfig current = config.get();
        return current.queues().stream().map(queue -> plan(queue, current)).toList();
    }

    @Override
    public Optional<AgentProfile> agent(String agentId) {
        return config.get().agent(agentId).map(agent -> new AgentProfile(agent.id(), agent.skills()));
    }

    @Override
    public Optional<String> device(String agentId) {
        return config.get().agent(agentId).map(Agent::device);
    }

    @Override
    public boolean outboundAllowed(String agentId) {
        return config.get().agent(agentId).map(Agent::outboundAllowed).orElse(false);
    }

    @Override
    public int priority(String customerClass) {
        return config.get().customerClass(customerClass).map(CustomerClass::priority).orElse(0);
    }

    @Override
    public Optional<String> classForCaller(String callerNumber) {
        return privateBankingCallers.contains(callerNumber) ? Optional.of("private-banking") : Optional.empty();
    }

    /** Routing rules of every queue, for the engine. */
    public List<QueueRules> rules() {
        AcdConfig current = config.get();
        return current.queues().stream().map(queue -> rules(queue, current)).toList();
    }

    private static QueuePlan plan(Queue queue, AcdConfig config) {
        MaxWaitAction onMaxWait = queue.onMaxWait();
        String overflowQueue = onMaxWait != null && MaxWaitAction.QUEUE.equals(onMaxWait.action()) ? onMaxWait.queue() : null;
        String prompt = onMaxWait != null && MaxWaitAction.MESSAGE.equals(onMaxWait.action()) ? onMaxWait.prompt() : null;
        int every = queue.announcements().positionEverySeconds();
        String callbackDigit = queue.callbackOffer().enabled() ? queue.callbackOffer().digit() : null;
        return new QueuePlan(rules(queue, config), queue.music(), Duration.ofSeconds(queue.ringTimeoutSeconds()),
                Duration.ofSeconds(queue.wrapUpSeconds()), queue.notReadyReasonOnNoAnswer(), overflowQueue, prompt,
                onMaxWait == null ? null : onMaxWait.action(), every == 0 ? null : Duration.ofSeconds(every),
                queue.announcements().prompt(), callbackDigit);
    }

    private static QueueRules rules(Queue queue, AcdConfig config) {
        List<OverflowStep> steps = new ArrayList<>();
        for (io.switchboard.acd.internal.config.OverflowStep step : queue.overflow()) {
            Optional<SkillRequirement> widened = step.queue() != null
                    ? config.queue(step.queue()).map(other -> new SkillRequirement(other.skill(), other.minimumLevel()))
                    : Optional.of(new SkillRequirement(step.skill(), step.level()));
            widened.ifPresent(requirement -> steps.add(new OverflowStep(Duration.ofSeconds(step.afterSeconds()), requirement)));
        }
        Duration maxWait = queue.maxWaitSeconds() > 0 ? Duration.ofSeconds(queue.maxWaitSeconds()) : null;
        return new QueueRules(queue.id(), new SkillRequirement(queue.skill(), queue.minimumLevel()), queue.strategy(), steps,
                maxWait);
    }
}
