using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>What a licence must say to be watched: who issued what number, and until when.</summary>
public static class LicenseRules
{
    public const int DefaultRenewalLeadDays = 90;

    public static void Check(LicenseDraft draft, LicenseDetails license) =>
        new Violations()
            .Required("licenseType", license.LicenseType, 100)
            .Required("issuingAuthority", license.IssuingAuthority, 200)
            .Required("licenseNumber", license.LicenseNumber, 64)
            .Required("expiresOn", draft.ExpiresOn)
            .Range("renewalLeadDays", license.RenewalLeadDays, 0, 730)
            .When(license.IssuedOn is { } issued && draft.ExpiresOn is not null && issued > license.ExpiresOn, "issuedOn", "issuedOn must be on or before expiresOn.")
            .When(draft.ExpiresOn is { Year: < 2000 or > 2200 }, "expiresOn", "expiresOn must be a date between 2000 and 2200.")
            .When(license.IssuedOn is { Year: < 1900 or > 2200 }, "issuedOn", "issuedOn must be a date between 1900 and 2200.")
            .MaxLength("notes", license.Notes, 2000)
            .ThrowIfAny();
}
