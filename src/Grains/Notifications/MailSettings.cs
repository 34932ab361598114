using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace InventoryProFlow.Grains.Notifications;

/// <summary>
/// Where mail goes (Mail:Smtp:*), whom it is from, and the web app's address for the links in it. Without
/// Mail:Smtp:Host the product sends no mail and queues none: alerts still reach the app, SignalR and webhooks.
/// </summary>
public sealed record MailSettings(
    string? Host,
    int Port,
    SecureSocketOptions Security,
    string? UserName,
    string? Password,
    MailboxAddress Sender,
    Uri AppUrl,
    TimeSpan PollEvery,
    TimeSpan RetryBase,
    TimeSpan GiveUpAfter,
    TimeSpan Timeout)
{
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public static MailSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Mail");
        var security = section["Smtp:Security"] is { Length: > 0 } named
            ? Enum.TryParse<SecureSocketOptions>(named, ignoreCase: true, out var parsed) ? parsed
                : throw new InvalidOperationException($"Mail:Smtp:Security '{named}' is not one of: {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}.")
            : SecureSocketOptions.Auto;
        var from = section["From"] is { Length: > 0 } address
            ? MailboxAddress.TryParse(address, out var mailbox) ? mailbox : throw new InvalidOperationException($"Mail:From '{address}' is not a mail address.")
            : new MailboxAddress("Inventory Pro Flow", "alerts@inventory-pro-flow.invalid");
        var appUrl = section["AppUrl"] is { Length: > 0 } url
            ? Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : throw new InvalidOperationException($"Mail:AppUrl '{url}' is not an absolute URL.")
            : new Uri("http://localhost:3000/");
        return new MailSettings(
            section["Smtp:Host"],
            section.GetValue("Smtp:Port", 587),
            security,
            section["Smtp:UserName"],
            section["Smtp:Password"],
            from,
            appUrl,
            TimeSpan.FromSeconds(section.GetValue("PollSeconds", 5.0)),
            TimeSpan.FromSeconds(section.GetValue("RetryBaseSeconds", 60.0)),
            TimeSpan.FromHours(section.GetValue("GiveUpAfterHours", 48.0)),
            TimeSpan.FromSeconds(section.GetValue("TimeoutSeconds", 30.0)));
    }

    /// <summary>A link into the web app, e.g. <c>compliance</c>.</summary>
    public string Link(string path) => new Uri(AppUrl, path.TrimStart('/')).ToString();
}
