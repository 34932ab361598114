import { describe, expect, it } from "vitest";
import { clientScopes, deliveryOutcome, eventLabel, toggleChoice, tokenRequestExample, webhookEvents } from "./choices";

describe("integration choices", () => {
  it("offers clients every scope but the ones a person must hold", () => {
    const scopes = clientScopes.map((s) => s.value);
    expect(scopes).toEqual(["inventory:read", "inventory:write", "sales:read", "sales:write", "compliance:read", "analytics:read"]);
    expect(scopes).not.toContain("admin:all");
    expect(scopes).not.toContain("compliance:write");
  });

  it("labels every webhook event the Api sends and falls back to the raw name", () => {
    expect(webhookEvents.map((e) => e.value)).toEqual(["sale.created", "inventory.updated", "alert.lowStock", "compliance.alert"]);
    expect(eventLabel("alert.lowStock")).toBe("A product falls below par");
    expect(eventLabel("something.new")).toBe("something.new");
  });

  it("keeps ticked choices in the order shown, whatever order they were ticked in", () => {
    let chosen = toggleChoice([], "sales:write", clientScopes);
    chosen = toggleChoice(chosen, "inventory:read", clientScopes);
    expect(chosen).toEqual(["inventory:read", "sales:write"]);
    expect(toggleChoice(chosen, "sales:write", clientScopes)).toEqual(["inventory:read"]);
  });

  it("writes a token request with the client's id and the narrowed scopes", () => {
    const example = tokenRequestExample("https://ipf.example", "c-1", "ipf_cs_x", ["inventory:read", "sales:write"]);
    expect(example).toBe(
      [
        "curl -X POST https://ipf.example/api/v1/auth/token \\",
        "  -H 'Content-Type: application/x-www-form-urlencoded' \\",
        "  --data-urlencode 'grant_type=client_credentials' \\",
        "  --data-urlencode 'client_id=c-1' \\",
        "  --data-urlencode 'client_secret=ipf_cs_x' \\",
        "  --data-urlencode 'scope=inventory:read sales:write'",
      ].join("\n"),
    );
    expect(tokenRequestExample("https://ipf.example")).toContain("client_secret=<client secret>'");
    expect(tokenRequestExample("https://ipf.example")).not.toContain("scope=");
  });

  it("says whether a delivery reached the receiver", () => {
    expect(deliveryOutcome({ statusCode: 204, error: null })).toEqual({ ok: true, text: "Delivered (HTTP 204)" });
    expect(deliveryOutcome({ statusCode: 500, error: null })).toEqual({ ok: false, text: "Refused: HTTP 500" });
    expect(deliveryOutcome({ statusCode: null, error: "Connection refused" })).toEqual({ ok: false, text: "Not delivered: Connection refused" });
  });
});
