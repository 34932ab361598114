namespace InventoryProFlow.Contracts.Errors;

/// <summary>
/// A rule said no. Each subclass is one error code; the Api maps them to the envelope in one place.
/// They cross grain boundaries, so they are serializable.
/// </summary>
[GenerateSerializer, Alias("ipf.DomainException.v1")]
public abstract class DomainException(string code, string message, IReadOnlyList<FieldError>? details = null)
    : Exception(message)
{
    [Id(0)] public string Code { get; } = code;

    [Id(1)] public IReadOnlyList<FieldError> Details { get; } = details ?? [];
}

[GenerateSerializer, Alias("ipf.NotFoundException.v1")]
public sealed class NotFoundException(string message) : DomainException(ErrorCodes.NotFound, message)
{
    public static NotFoundException For(string resource, Guid id) => new($"No {resource} with id {id}.");
}

[GenerateSerializer, Alias("ipf.ConflictException.v1")]
public sealed class ConflictException(string code, string message, IReadOnlyList<FieldError>? details = null)
    : DomainException(code, message, details);

[GenerateSerializer, Alias("ipf.ValidationFailedException.v1")]
public sealed class ValidationFailedException(IReadOnlyList<FieldError> details, string? message = null)
    : DomainException(ErrorCodes.ValidationFailed, message ?? DescribeFirst(details), details)
{
    private static string DescribeFirst(IReadOnlyList<FieldError> details) => details.Count switch
    {
        0 => "The request is not valid.",
        1 => details[0].Message,
        _ => $"{details[0].Message} (and {details.Count - 1} more problem(s), see details)",
    };
}

[GenerateSerializer, Alias("ipf.InvalidCredentialsException.v1")]
public sealed class InvalidCredentialsException()
    : DomainException(ErrorCodes.InvalidCredentials, "Email or password is incorrect.");

/// <summary>A system's credential (an integration's API key or a webhook signature) was missing or wrong: 401.</summary>
[GenerateSerializer, Alias("ipf.UnauthenticatedException.v1")]
public sealed class UnauthenticatedException(string code, string message) : DomainException(code, message);

[GenerateSerializer, Alias("ipf.ForbiddenException.v1")]
public sealed class ForbiddenException(string message) : DomainException(ErrorCodes.Forbidden, message)
{
    /// <summary>The organisation's IP allow-list does not hold the request's address; one sentence for every door that checks it.</summary>
    public static ForbiddenException OffAllowList(System.Net.IPAddress? address, string what = "this request's address") =>
        new($"Your organisation accepts requests only from the networks on its IP allow-list, and {address?.ToString() ?? what} is not on it. Ask your admin to add it.");
}

/// <summary>The caller's organisation is suspended by the platform operator: its sign-ins and calls are refused (403) until it is reactivated.</summary>
[GenerateSerializer, Alias("ipf.AccountSuspendedException.v1")]
public sealed class AccountSuspendedException()
    : DomainException(
        ErrorCodes.AccountSuspended,
        "Your organisation's account is suspended: sign-ins and API calls are refused until it is reactivated. Contact Inventory Pro Flow support.");

[GenerateSerializer, Alias("ipf.InvalidBarcodeException.v1")]
public sealed class InvalidBarcodeException(string message)
    : DomainException(ErrorCodes.InvalidBarcode, message, [new FieldError("barcode", message)]);

/// <summary>The password was right, but the sign-up it belongs to has not verified its address yet: 403.</summary>
[GenerateSerializer, Alias("ipf.EmailNotVerifiedException.v1")]
public sealed class EmailNotVerifiedException()
    : DomainException(
        ErrorCodes.EmailNotVerified,
        "Verify your email first: follow the link we sent to it, or ask for a new one (POST /api/v1/auth/verify-email/resend).");

/// <summary>A mailed link (sign-up verification, invitation) that cannot be followed: unknown or replaced, expired, or used. 400 on token.</summary>
[GenerateSerializer, Alias("ipf.EmailLinkException.v1")]
public sealed class EmailLinkException(string code, string message)
    : DomainException(code, message, [new FieldError("token", message)]);
