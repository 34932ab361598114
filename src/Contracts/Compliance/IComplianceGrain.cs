using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Compliance;

/// <summary>
/// An organisation's licences and the reminders that watch them: one activation per organisation, woken by a
/// persistent Orleans reminder to check licence expiry and filing deadlines, raising each alert once.
/// </summary>
public interface IComplianceGrain : IGrainWithStringKey
{
    Task<Page<LicenseView>> ListLicenses(LicenseFilter filter, PageRequest page);

    Task<LicenseView> GetLicense(Guid licenseId);

    Task<LicenseView> CreateLicense(LicenseDraft draft);

    Task<LicenseView> UpdateLicense(Guid licenseId, LicenseDraft changes);

    Task DeleteLicense(Guid licenseId);

    Task<Page<ComplianceAlert>> Alerts(ComplianceAlertFilter filter, PageRequest page);

    Task<ComplianceAlert> AcknowledgeAlert(Guid alertId, Guid? acknowledgedBy);

    /// <summary>Checks licences and filings now, as the daily reminder does, and answers what it raised.</summary>
    Task<ComplianceCheck> Check();

    /// <summary>Licences, filings per location, open alerts and one overall state, as of today.</summary>
    Task<ComplianceStatus> Status();

    /// <summary>Starts the daily reminder if it is not running (a new location owes filings even before it has a licence).</summary>
    Task Watch();

    /// <summary>The last check this activation made (null before the first): when the reminder last fired, for operators.</summary>
    Task<ComplianceCheck?> LastCheck();
}
