using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Notifications;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// One mail about a person's account, to one address: a verification link, an invitation, or word that someone tried
/// to sign up with an address that has an account. <see cref="Link"/> is the link it carries, if any.
/// </summary>
public sealed record AccountMail(Guid? OrganizationId, Guid? UserId, string Recipient, string Purpose, string Subject, string Body, string? Link, DateTime At);

/// <summary>
/// The words of account mail and how it leaves: through the mail outbox, in the transaction of what it tells of, when an
/// SMTP server is configured; otherwise into the log after that transaction commits, so whoever runs an installation
/// with no mail (make run, the tests) can pass the link on. Either way the caller's answer is the same.
/// </summary>
public sealed class AccountMails(MailOutbox outbox, MailSettings settings, ILogger<AccountMails> logger)
{
    public const string Topic = "account";

    public string Delivery => settings.Enabled ? LinkDeliveries.Mail : LinkDeliveries.Log;

    public AccountMail Verification(string email, string firstName, string organizationName, string token, DateTime expiresAt, DateTime at)
    {
        var link = settings.Link($"verify-email?token={Uri.EscapeDataString(token)}");
        return new AccountMail(
            null, null, email, EmailLink.VerifyEmail, "Verify your email to open your Inventory Pro Flow account",
            $"Hello {firstName},\n\nSomeone, we hope you, signed up \"{organizationName}\" for Inventory Pro Flow with this address. " +
            $"Follow this link to verify it and open the account (it works once, until {expiresAt:yyyy-MM-dd HH:mm} UTC):\n\n{link}\n\n" +
            "If you did not sign up, ignore this mail: nothing is created until the link is followed.\n",
            link,
            at);
    }

    public AccountMail AlreadyRegistered(string email, string organizationName, DateTime at) =>
        new(
            null, null, email, "already_registered", "Someone tried to sign up with your address",
            $"Someone tried to sign up \"{organizationName}\" for Inventory Pro Flow with this address, which already has an account. " +
            $"Nothing was created or changed.\n\nIf it was you, sign in instead: {settings.Link("sign-in")}\n\n" +
            "If it was not you, you need do nothing.\n",
            null,
            at);

    public AccountMail Invitation(
        Guid organizationId, Guid userId, string email, string firstName, string organizationName, string role, bool passwordChosen, string token, DateTime expiresAt, DateTime at)
    {
        var link = settings.Link($"accept-invitation?token={Uri.EscapeDataString(token)}");
        var password = passwordChosen
            ? "Your admin chose a first password for you; you may keep it or choose your own there."
            : "You choose your password there.";
        return new AccountMail(
            organizationId, userId, email, EmailLink.Invitation, $"You are invited to {organizationName} on Inventory Pro Flow",
            $"Hello {firstName},\n\n{organizationName} invites you to Inventory Pro Flow as {role}. Follow this link to accept " +
            $"(it works once, until {expiresAt:yyyy-MM-dd HH:mm} UTC). {password}\n\n{link}\n\n" +
            "If you did not expect this, ignore this mail.\n",
            link,
            at);
    }

    /// <summary>Queues the mail inside the caller's transaction when mail is on; with mail off, nothing here (see <see cref="Logged"/>).</summary>
    public Task Queue(NpgsqlConnection connection, NpgsqlTransaction transaction, AccountMail mail) =>
        settings.Enabled ? outbox.QueueTo(connection, transaction, mail.OrganizationId, mail.UserId, Topic, mail.Recipient, mail.Subject, mail.Body, mail.At) : Task.CompletedTask;

    /// <summary>Called once the mail's transaction committed: with mail off, writes what it would have said into the log.</summary>
    public void Logged(AccountMail mail)
    {
        if (settings.Enabled)
        {
            return;
        }

        // A live one-time link in the log: only where no mail can be sent, and the operator is the postman.
        logger.LogWarning(
            "Mail is off (no Mail:Smtp:Host), so this {Purpose} mail to {Recipient} was not sent; its link: {Link}",
            mail.Purpose,
            mail.Recipient,
            mail.Link ?? "(none)");
    }
}
