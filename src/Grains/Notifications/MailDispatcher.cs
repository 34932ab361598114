using InventoryProFlow.Grains.Operations;
using InventoryProFlow.Grains.Storage;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace InventoryProFlow.Grains.Notifications;

/// <summary>
/// Sends what the mail outbox holds through the configured SMTP server: leases due mails, sends them over one
/// connection, marks each sent as soon as the server took it, and retries failures with exponential backoff until
/// Mail:GiveUpAfterHours after the mail was queued. Every silo runs one; leases keep two from sending one mail.
/// A silo that dies between the server's acceptance and the mark sends that mail again after the lease; its
/// Message-Id stays the same, so mail systems that drop duplicates drop it.
/// </summary>
public sealed class MailDispatcher(MailOutbox outbox, MailSettings settings, TimeProvider time, TradeMetrics metrics, ILogger<MailDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(2);

    // Long enough for a whole batch over a slow server; a mail left leased by a dead silo waits this long.
    private TimeSpan Lease => settings.Timeout * (BatchSize + 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            logger.LogInformation("Mail is off (no Mail:Smtp:Host): alerts reach the app, SignalR and webhooks, not mailboxes");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                var due = await outbox.LeaseDue(BatchSize, Lease, time.GetUtcNow().UtcDateTime);
                sent = due.Count;
                if (due.Count > 0)
                {
                    await Send(due, stoppingToken);
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment; leased mails come back when their lease runs out.
                logger.LogWarning(error, "Mail dispatch failed; trying again shortly");
            }

            if (sent < BatchSize)
            {
                try
                {
                    await Task.Delay(settings.PollEvery, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task Send(IReadOnlyList<DueMail> due, CancellationToken stoppingToken)
    {
        using var smtp = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await smtp.ConnectAsync(settings.Host!, settings.Port, settings.Security, stoppingToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, stoppingToken);
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("The SMTP server {Host}:{Port} could not be reached ({Error}); {Count} mails wait", settings.Host, settings.Port, failure.Message, due.Count);
            foreach (var mail in due)
            {
                await NotSent(mail, $"The SMTP server could not be reached: {failure.Message}");
            }

            return;
        }

        foreach (var mail in due)
        {
            try
            {
                await smtp.SendAsync(Message(mail), stoppingToken);
            }
            catch (Exception failure) when (failure is SmtpCommandException or SmtpProtocolException or IOException or ServiceNotConnectedException or TimeoutException or ParseException)
            {
                // One refused recipient does not hold back the others; a lost connection fails the rest of the batch, which is tried again later.
                await NotSent(mail, failure.Message);
                continue;
            }

            await outbox.Sent(mail.Id, time.GetUtcNow().UtcDateTime);
            metrics.MailTried("sent");
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }
    }

    private MimeMessage Message(DueMail mail)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Body = new TextPart("plain") { Text = mail.Body },
            // The same id on every try: a receiving system that saw it already can drop the second copy.
            MessageId = $"{mail.Id:N}@inventory-pro-flow",
            Date = DateTime.SpecifyKind(mail.CreatedAt, DateTimeKind.Utc),
        };
        message.From.Add(settings.Sender);
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        // RFC 3834: a machine wrote this, so auto-responders stay quiet.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Ipf-Topic", mail.Topic);
        return message;
    }

    private async Task NotSent(DueMail mail, string error)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var retryAt = now + RetryBackoff.After(mail.Attempts + 1, settings.RetryBase, MaxBackoff);
        var giveUp = retryAt > DateTime.SpecifyKind(mail.CreatedAt, DateTimeKind.Utc) + settings.GiveUpAfter;
        await outbox.NotSent(mail.Id, error, now, giveUp ? null : retryAt);
        metrics.MailTried(giveUp ? "given_up" : "failed");
    }
}
