using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Api.Tests.Compliance;

/// <summary>
/// A product of its own whose compliance reminder checks every second, on a clock the test moves, run by its bootstrap
/// admin: for tests that let time pass and wait for the reminder to catch up.
/// </summary>
internal static class ReminderHost
{
    public const string AdminEmail = "owner@reminders.example";
    public const string AdminPassword = "Reminder-Admin-Pass-1";

    public static Task<ProductHost> StartAsync(TestClock clock, string? connectionString = null, IEnumerable<KeyValuePair<string, string?>>? settings = null, SmtpCatcher? smtp = null) =>
        ProductHost.StartAsync(
            connectionString,
            settings: new Dictionary<string, string?>(settings ?? [])
            {
                ["IPF_ADMIN_EMAIL"] = AdminEmail,
                ["IPF_ADMIN_PASSWORD"] = AdminPassword,
                ["Compliance:CheckPeriodSeconds"] = "1",
            },
            clock: clock,
            smtp: smtp);

    public static async Task<string> SignInAsync(ProductHost host) =>
        (await host.Client().PostAsync("/api/v1/auth/login", new { email = AdminEmail, password = AdminPassword }))
            .ShouldSucceed().Data.GetProperty("accessToken").GetString()!;

    public static Task<Guid> OrganizationAsync(ProductHost host) =>
        host.Database.ScalarAsync<Guid>("SELECT organization_id FROM app.users WHERE email = @email", ("email", AdminEmail));

    /// <summary>Moves the clock and waits until the reminder has checked at the new time.</summary>
    public static async Task CheckedAtAsync(ProductHost host, TestClock clock, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        var compliance = host.Grains.GetGrain<IComplianceGrain>(GrainKeys.Compliance(await OrganizationAsync(host)));
        await Eventually.Found(
            async () => await compliance.LastCheck() is { } check && check.CheckedAt >= at.UtcDateTime ? "checked" : null,
            $"a reminder check at {at:u}");
    }
}
