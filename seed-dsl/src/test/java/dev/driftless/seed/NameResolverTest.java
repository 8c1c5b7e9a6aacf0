package dev.driftless.seed;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameResolverTest {

    private static NameResolver<String> resolver(String... names) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String name : names) {
            byName.put(name, name);
        }
        return NameResolver.of("table", byName);
    }

    @Test
    void anUnquotedStyleNameFoldsToLowerCaseFirst() {
        NameResolver<String> names = resolver("user", "USER", "public.user");
        assertThat(names.find("USER")).contains("user");
        assertThat(names.find("User")).contains("user");
        assertThat(names.find("PUBLIC.USER")).contains("public.user");
    }

    @Test
    void thenTheNameAsWritten() {
        NameResolver<String> names = resolver("MyTable", "Order Lines", "order lines");
        assertThat(names.find("MyTable")).contains("MyTable");
        assertThat(names.find("Order Lines")).contains("Order Lines");   // not an identifier: not folded
        assertThat(names.find("order lines")).contains("order lines");
    }

    @Test
    void quotedPartsMatchOnlyAsWritten() {
        NameResolver<String> names = resolver("user", "User", "app.Item");
        assertThat(names.find("\"User\"")).contains("User");
        assertThat(names.find("\"USER\"")).isEmpty();
        assertThat(names.find("app.\"Item\"")).contains("app.Item");
    }

    @Test
    void aNameInAnotherCaseOnlyIsFoundWhenOneObjectHasIt() {
        assertThat(resolver("Account").find("ACCOUNT")).contains("Account");
        assertThat(resolver("Account").find("account")).contains("Account");
        assertThat(resolver("Account").find("Acount")).isEqualTo(Optional.empty());
    }

    @Test
    void severalObjectsInOtherCasesAreAmbiguous() {
        assertThatThrownBy(() -> resolver("Mixed", "MIXED", "MiXeD").find("mixed"))
                .isInstanceOf(SeedException.class)
                .hasMessage("table \"mixed\" is ambiguous: 3 tables differ from it only in case, \"MIXED\", \"MiXeD\""
                        + " and \"Mixed\". Write the name exactly as the table you mean is spelt.");
        assertThat(resolver("Mixed", "MIXED").find("Mixed")).contains("Mixed");
    }

    @Test
    void namesOfOneObjectAreNotAmbiguous() {
        Map<String, String> byName = new LinkedHashMap<>();
        byName.put("Account", "the table");
        byName.put("public.Account", "the table");
        NameResolver<String> names = NameResolver.of("table", byName, java.util.List.of("Account"));
        assertThat(names.find("ACCOUNT")).contains("the table");
        assertThat(names.didYouMean("Acount")).isEqualTo("; did you mean \"Account\"?");
    }
}
