package dev.driftless.migration;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationVersionTest {

    private static MigrationVersion v(String text) {
        return MigrationVersion.parse(text);
    }

    @Test
    void numericSegmentsOrderAsNumbers() {
        assertThat(v("10")).isGreaterThan(v("9"));
        assertThat(v("V10")).isGreaterThan(v("V9"));
        assertThat(v("1.10")).isGreaterThan(v("1.9"));
        assertThat(v("1.1")).isGreaterThan(v("1"));
        assertThat(v("2")).isGreaterThan(v("1.999"));
    }

    @Test
    void trailingZerosAndLeadingZerosDoNotCount() {
        assertThat(v("1.0")).isEqualTo(v("1")).hasSameHashCodeAs(v("1"));
        assertThat(v("1.0.0")).isEqualByComparingTo(v("1"));
        assertThat(v("004")).isEqualTo(v("4"));
        assertThat(v("1_1")).isEqualTo(v("1.1"));
        assertThat(v("0")).isNotEqualTo(MigrationVersion.EMPTY).isGreaterThan(MigrationVersion.EMPTY);
    }

    @Test
    void timestampsCompareAsNumbersWithDashedFolderPrefixesAmongThem() {
        List<String> sorted = new ArrayList<>(List.of("20140924113530", "2017-09-23-182408", "20240101120000",
                "2015-01-01-000000", "99999999999999999999999"));
        Collections.shuffle(sorted);
        assertThat(sorted.stream().map(MigrationVersion::parse).sorted().map(MigrationVersion::toString)
                .collect(Collectors.toList()))
                .containsExactly("20140924113530", "2015-01-01-000000", "2017-09-23-182408", "20240101120000",
                        "99999999999999999999999");
        assertThat(v("2017-09-23-182408")).isEqualTo(v("20170923182408"));
        assertThat(v("2017-09-23-182408").canonical()).isEqualTo("20170923182408");
    }

    @Test
    void keepsTheTextItWasWrittenWith() {
        assertThat(v("001").toString()).isEqualTo("001");
        assertThat(v("001").canonical()).isEqualTo("1");
        assertThat(v("1.2.0").canonical()).isEqualTo("1.2");
        assertThat(MigrationVersion.EMPTY.toString()).isEqualTo("<empty>");
    }

    @Test
    void rejectsTextThatIsNoVersion() {
        assertThatThrownBy(() -> v("1.a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'1.a' is not a migration version: expected numbers separated by '.' or '_'"
                        + " (1, 1.1, 004, 20240101120000) or a dashed timestamp (2017-09-23-182408)");
        assertThat(MigrationVersion.isVersion("1..2")).isFalse();
        assertThat(MigrationVersion.isVersion("V1.2")).isTrue();
    }
}
