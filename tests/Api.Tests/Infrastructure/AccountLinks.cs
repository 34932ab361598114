using System.Text.RegularExpressions;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// The links the product sends to prove an address (a sign-up's verification, an invitation), read where a person or
/// operator would find them: in the mail at the loopback SMTP server when the product has one, else in its log (where
/// the product writes them when it has no SMTP server). Tests follow them through the real endpoints.
/// </summary>
public sealed partial class AccountLinks(Func<IEnumerable<(string Recipient, string Text)>> sent)
{
    /// <summary>Links mailed to the loopback SMTP server when there is one, else those the product logged.</summary>
    public AccountLinks(LogCatcher log, SmtpCatcher? smtp)
        : this(smtp is null ? () => Logged(log) : () => Mailed(smtp))
    {
    }

    /// <summary>Links in a product process's JSON log lines.</summary>
    public static AccountLinks InOutput(IEnumerable<string> lines) => new(() => lines.Select(FromJsonLine).OfType<(string, string)>());

    public const string Verification = "verify_email";
    public const string Invitation = "invitation";

    /// <summary>Every link of a kind sent to an address so far, oldest first.</summary>
    public IReadOnlyList<string> SentTo(string email, string purpose)
    {
        var page = purpose == Verification ? "verify-email" : "accept-invitation";
        return sent().Where(s => string.Equals(s.Recipient, email, StringComparison.OrdinalIgnoreCase)).Select(s => TokenIn().Match(s.Text)).Where(m => m.Success && m.Groups["page"].Value == page)
            .Select(m => Uri.UnescapeDataString(m.Groups["token"].Value)).ToList();
    }

    /// <summary>The token of the newest link of a kind sent to an address, waiting until there are more than <paramref name="seen"/>.</summary>
    public async Task<string> TokenAsync(string email, string purpose, int seen = 0)
    {
        var tokens = await Eventually.Found(
            () => Task.FromResult(SentTo(email, purpose) is { } sent && sent.Count > seen ? sent : null),
            $"a {purpose} link sent to {email} (seen before: {seen})",
            TimeSpan.FromSeconds(30));
        return tokens[^1];
    }

    private static IEnumerable<(string, string)> Logged(LogCatcher log) =>
        log.All.Select(e => (LogCatcher.Text(e, "Recipient") ?? string.Empty, LogCatcher.Text(e, "Link") ?? string.Empty));

    private static IEnumerable<(string, string)> Mailed(SmtpCatcher smtp) =>
        smtp.All.SelectMany(m => m.To.Mailboxes.Select(to => (to.Address, m.TextBody ?? string.Empty)));

    private static (string, string)? FromJsonLine(string line)
    {
        try
        {
            using var entry = System.Text.Json.JsonDocument.Parse(line);
            return entry.RootElement.TryGetProperty("metadata", out var metadata)
                && metadata.TryGetProperty("Recipient", out var recipient) && metadata.TryGetProperty("Link", out var link)
                ? (recipient.GetString() ?? string.Empty, link.GetString() ?? string.Empty)
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"/(?<page>verify-email|accept-invitation)\?token=(?<token>[A-Za-z0-9_\-%]+)")]
    private static partial Regex TokenIn();
}
