package io.m365platform.graph.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GraphUrlTest {

    @Test
    void encodesValuesKeepsODataSyntax() {
        String url = GraphUrl.path("/users").select("id", "displayName").top(999)
                .filter("userType eq 'Guest' and startswith(displayName,'Zoë & Co')").count().build();
        assertEquals("/users?$select=id,displayName&$top=999"
                + "&$filter=userType%20eq%20'Guest'%20and%20startswith(displayName,'Zo%C3%AB%20%26%20Co')&$count=true", url);
        URI.create("https://graph.microsoft.com/v1.0" + url);   // a valid URI
    }

    @Test
    void segmentsEncodeGuestUpnsAndSlashes() {
        assertEquals("/users/jane_fabrikam.com%23EXT%23%40contoso.onmicrosoft.com/manager",
                GraphUrl.path("/users").segment("jane_fabrikam.com#EXT#@contoso.onmicrosoft.com").segment("manager").build());
        assertEquals("/groups/a%2Fb/members?$top=5", GraphUrl.path("/groups").top(5).segment("a/b").segment("members").build());
        assertThrows(IllegalArgumentException.class, () -> GraphUrl.path("users"));
        assertThrows(IllegalArgumentException.class, () -> GraphUrl.path("/users?x=1"));
        assertThrows(IllegalArgumentException.class, () -> GraphUrl.path("/users").segment(""));
    }
}
