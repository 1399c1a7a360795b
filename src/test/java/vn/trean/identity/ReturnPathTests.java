package vn.trean.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnPathTests {

    @Test
    void aPathOfThisSiteIsKept() {
        assertThat(ReturnPath.of("/tasks/4f1c?x=1&y=%C3%A1")).hasValue("/tasks/4f1c?x=1&y=%C3%A1");
        assertThat(ReturnPath.of("/")).hasValue("/");
    }

    @Test
    void anythingThatCouldLeaveTheSiteIsRefused() {
        for (String elsewhere : new String[] {null, "", "tasks", "//evil.example", "/\\evil.example", "https://evil.example",
                "javascript:alert(1)", "/cases\r\nSet-Cookie: x", "/cases#frag", "/cá", "/login", "/logout", "/login?error",
                "/api/cases", "/" + "a".repeat(600)}) {
            assertThat(ReturnPath.of(elsewhere)).as(String.valueOf(elsewhere)).isEmpty();
        }
    }
}
