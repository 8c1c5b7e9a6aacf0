package dev.driftless.internal.migration;

import dev.driftless.migration.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ChainOrderTest {

    private static List<MigrationVersion> versions(String... texts) {
        return Stream.of(texts).map(MigrationVersion::parse).toList();
    }

    private static List<String> sorted(ChainOrder order, String... texts) {
        List<MigrationVersion> list = new ArrayList<>(versions(texts));
        list.sort(order);
        return list.stream().map(MigrationVersion::toString).toList();
    }

    @Test
    void versionsOfTheChainKeepItsOrderAndOthersGoBeforeTheFirstOneAboveThem() {
        ChainOrder graph = new ChainOrder(versions("1000", "1002", "1001", "1004"), Comparator.naturalOrder());
        assertThat(sorted(graph, "1004", "1001", "1002", "1000")).containsExactly("1000", "1002", "1001", "1004");
        // 1003 is not in the chain: it goes before the first chain version above it in chain order, 1004
        assertThat(sorted(graph, "1004", "1003", "1000", "1001", "999", "2000"))
                .containsExactly("999", "1000", "1001", "1003", "1004", "2000");
        assertThat(graph.compare(MigrationVersion.EMPTY, MigrationVersion.parse("999"))).isNegative();
    }

    @Test
    void aChainInItsBaseOrderComparesExactlyAsTheBase() {
        Comparator<MigrationVersion> text = Comparator.comparing(MigrationVersion::toString);
        ChainOrder pop = new ChainOrder(versions("10", "2"), text);
        assertThat(sorted(pop, "3", "2", "10", "1")).containsExactly("1", "10", "2", "3");
    }
}
