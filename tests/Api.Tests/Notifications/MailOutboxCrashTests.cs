using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Notifications;

/// <summary>The mail outbox is written with the alert: a product killed before it could send still sends once it is back, and only once.</summary>
public sealed class MailOutboxCrashTests
{
    private const string Admin = "crash.admin@example.com";

    [Fact]
    public async Task A_licence_mail_queued_before_a_kill_arrives_once_after_the_restart_while_the_reminder_keeps_checking()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var dataFolder = Directory.CreateTempSubdirectory("ipf-mail-").FullName;
        var smtpPort = Loopback.FreePort();
        var database = new Database(connectionString);
        var settings = new Dictionary<string, string>
        {
            ["Mail__Smtp__Host"] = "127.0.0.1",
            ["Mail__Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__Smtp__Security"] = "None",
            ["Mail__RetryBaseSeconds"] = "0.2",
            ["Compliance__CheckPeriodSeconds"] = "1",
        };
        var expiresOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime).AddDays(30);

        // The first process never gets round to sending (its sender looks once an hour): the mail is committed, not sent.
        await using (var first = await ProductProcess.StartAsync(connectionString, dataFolder, new Dictionary<string, string>(settings) { ["Mail__PollSeconds"] = "3600" }))
        {
            var admin = first.Client(await TokenAsync(first));
            (await admin.PostAsync("/api/v1/compliance/licenses", new
            {
                licenseType = "Class C Liquor License",
                issuingAuthority = "Iowa Alcoholic Beverages Division",
                licenseNumber = "LC0077001",
                issuedOn = expiresOn.AddYears(-1).ToString("yyyy-MM-dd"),
                expiresOn = expiresOn.ToString("yyyy-MM-dd"),
            })).ShouldSucceed(HttpStatusCode.Created);
            Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM app.mail_outbox WHERE topic = 'license' AND sent_at IS NULL AND attempts = 0"));
            first.Kill();
        }

        await using var smtp = SmtpCatcher.Start(smtpPort);
        await using var restarted = await ProductProcess.StartAsync(connectionString, dataFolder, new Dictionary<string, string>(settings) { ["Mail__PollSeconds"] = "0.1" });

        var mail = await smtp.NextAsync(m => (m.Subject ?? "").Contains("LC0077001", StringComparison.Ordinal));
        Assert.Equal(Admin, mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("Licence expires in", mail.Subject);

        // The reminder survived the kill and checks every second: wait for two checks after the restart, then count.
        var admin2 = restarted.Client(await TokenAsync(restarted));
        for (var checks = 0; checks < 2; checks++)
        {
            var since = DateTime.UtcNow;
            await Eventually.Found(
                async () => (await admin2.GetAsync("/api/v1/compliance/status")).ShouldSucceed().Data.GetProperty("lastCheckedAt") is { ValueKind: System.Text.Json.JsonValueKind.String } at
                    && at.GetDateTime().ToUniversalTime() > since ? "checked" : null,
                "a compliance check after the restart");
        }

        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM app.mail_outbox WHERE topic = 'license'"));
        await Eventually.Found(
            async () => await database.ScalarAsync<long>("SELECT count(*) FROM app.mail_outbox WHERE topic = 'license' AND sent_at IS NOT NULL") == 1 ? "sent" : null,
            "the licence mail marked sent");
        Assert.Single(smtp.All, m => (m.Subject ?? "").Contains("LC0077001", StringComparison.Ordinal));
    }

    private static async Task<string> TokenAsync(ProductProcess product) =>
        (await product.Client().PostAsync("/api/v1/auth/login", new { email = Admin, password = "Crash-Admin-Pass-1" }))
            .ShouldSucceed().Data.GetProperty("accessToken").GetString()!;
}
