using System.Security.Cryptography;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Identity;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InventoryProFlow.Silo.Hosting;

/// <summary>A login to tell the person who started the product.</summary>
public sealed record StartupLogin(string Role, string Email, string Password, bool PasswordGenerated)
{
    /// <summary>
    /// How the console shows it: a generated password the one time it was stored (it exists nowhere else);
    /// a configured one only in Development, so production logs never carry it.
    /// </summary>
    public string Describe(bool written, bool development) =>
        PasswordGenerated
            ? written ? $"{Role,-8} {Email}  {Password}  (generated; shown once)" : $"{Role,-8} {Email}  (password shown when it was generated)"
            : development ? $"{Role,-8} {Email}  {Password}" : $"{Role,-8} {Email}  (password as configured)";
}

/// <summary>What start-up did to the database, for the console banner.</summary>
public sealed record StartupReport(bool DemoSeeded, bool DemoPresent, bool Written, bool Development, IReadOnlyList<StartupLogin> Logins)
{
    public IEnumerable<string> LoginLines() => Logins.Select(l => l.Describe(Written, Development));
}

/// <summary>
/// Runs before the silo starts (Orleans needs its tables): migrations, sealing secrets left plain, then the demo organisation
/// (when Demo:Seed is on), then the bootstrap admin.
/// </summary>
public static class DatabaseStartup
{
    public const string DefaultAdminEmail = "admin@threerivers.example";

    public static async Task<StartupReport> PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var development = services.GetRequiredService<IHostEnvironment>().IsDevelopment();
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        // Before anything reads a secret: stops here when a KEK in use is missing, and seals what older versions left plain.
        await services.GetRequiredService<SealedSecrets>().SealPlainAsync(cancellationToken);

        var admin = Login(Roles.Admin, configuration["IPF_ADMIN_EMAIL"] ?? DefaultAdminEmail, configuration["IPF_ADMIN_PASSWORD"]);
        if (configuration.GetValue("Demo:Seed", false))
        {
            var demoPassword = configuration["IPF_DEMO_PASSWORD"];
            StartupLogin[] logins =
            [
                admin,
                Login(Roles.Manager, "manager@threerivers.example", demoPassword),
                Login(Roles.Staff, "staff@threerivers.example", demoPassword),
            ];
            var seeded = await services.GetRequiredService<DemoCatalogue>().SeedOnce(
                [
                    new DemoPerson(Roles.Admin, logins[0].Email, logins[0].Password, "Avery", "Owner"),
                    new DemoPerson(Roles.Manager, logins[1].Email, logins[1].Password, "Morgan", "Manager"),
                    new DemoPerson(Roles.Staff, logins[2].Email, logins[2].Password, "Sam", "Bartender"),
                ],
                cancellationToken);
            return new StartupReport(seeded, DemoPresent: true, seeded, development, logins);
        }

        var created = await services.GetRequiredService<BootstrapAdmin>().EnsureAsync(
            admin.Email, admin.Password, configuration["IPF_ORGANIZATION_NAME"] ?? "My Business");
        return new StartupReport(DemoSeeded: false, DemoPresent: false, created, development, [admin]);
    }

    /// <summary>
    /// Once the silo runs: the demo's licences were written before it did, so their reminder is started here and
    /// what is due today raised at once.
    /// </summary>
    public static async Task WatchDemoComplianceAsync(this IServiceProvider services)
    {
        var compliance = services.GetRequiredService<IGrainFactory>().GetGrain<IComplianceGrain>(GrainKeys.Compliance(DemoCatalogue.OrganizationId));
        await compliance.Watch();
        await compliance.Check();
    }

    private static StartupLogin Login(string role, string email, string? configuredPassword) =>
        string.IsNullOrEmpty(configuredPassword)
            ? new StartupLogin(role, email, GeneratePassword(), PasswordGenerated: true)
            : new StartupLogin(role, email, configuredPassword, PasswordGenerated: false);

    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 14) + "-Aa1";
}
