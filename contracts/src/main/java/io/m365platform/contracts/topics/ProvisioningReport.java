package io.m365platform.contracts.topics;

import java.util.List;

/**
 * What {@link TopicProvisioner#ensureTopics} did.
 *
 * @param created             topics it created
 * @param alreadyPresent      topics that existed (possibly created concurrently by another instance)
 * @param configsAligned      existing topics whose configs it changed to the catalog's
 * @param partitionMismatches existing topics whose partition count differs from the wanted one; never changed
 *                            automatically, because that would move keys between partitions
 */
public record ProvisioningReport(List<String> created, List<String> alreadyPresent, List<String> configsAligned,
                                 List<String> partitionMismatches) {

    public ProvisioningReport {
        created = List.copyOf(created);
        alreadyPresent = List.copyOf(alreadyPresent);
        configsAligned = List.copyOf(configsAligned);
        partitionMismatches = List.copyOf(partitionMismatches);
    }
}
