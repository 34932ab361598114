using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Live;
using InventoryProFlow.Contracts.Notifications;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Live;
using InventoryProFlow.Grains.Operations;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// One organisation's licences and their watch. A persistent reminder (Orleans' reminder table in PostgreSQL,
/// so it outlives any silo) wakes this grain every check period; each check raises the alerts that fell due,
/// once each (the alert table's key sees to that, whichever silo runs the check).
/// </summary>
public sealed class ComplianceGrain(
    LicenseRepository licenses,
    LocationRepository locations,
    ComplianceAlertRepository alerts,
    ComplianceReportRepository reports,
    TimeProvider time,
    ComplianceSchedule schedule,
    IdFactory ids,
    TradeMetrics metrics,
    ILogger<ComplianceGrain> logger) : Grain, IComplianceGrain, IRemindable
{
    public const string ReminderName = "compliance-check";

    private ComplianceCheck? _lastCheck;

    private Guid OrganizationId => GrainKeys.ParseCompliance(this.GetPrimaryKeyString());

    public async Task<Page<LicenseView>> ListLicenses(LicenseFilter filter, PageRequest page)
    {
        var views = (await licenses.OnCalendar(OrganizationId))
            .Where(l => filter.LocationId is null || l.License.LocationId == filter.LocationId)
            .Select(View)
            .Where(v => filter.Status is null || v.Status == filter.Status)
            .ToList();
        return new Page<LicenseView>(views.Skip(page.Offset).Take(page.Limit).ToList(), page.Page, page.Limit, views.Count);
    }

    public async Task<LicenseView> GetLicense(Guid licenseId) =>
        View((await licenses.OnCalendar(OrganizationId)).FirstOrDefault(l => l.License.Id == licenseId)
            ?? throw NotFoundException.For("licence", licenseId));

    public async Task<LicenseView> CreateLicense(LicenseDraft draft)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var license = new LicenseDetails(
            ids.NewId(), OrganizationId, draft.LocationId, Trim(draft.LicenseType)!, Trim(draft.IssuingAuthority)!, Trim(draft.LicenseNumber)!,
            draft.IssuedOn, draft.ExpiresOn ?? default, draft.RenewalLeadDays ?? LicenseRules.DefaultRenewalLeadDays, Trim(draft.Notes), now, now);
        LicenseRules.Check(draft, license);
        await RefuseUnknownLocation(license.LocationId);
        await licenses.Insert(license);
        return await Watched(license.Id);
    }

    public async Task<LicenseView> UpdateLicense(Guid licenseId, LicenseDraft changes)
    {
        var current = await licenses.Find(OrganizationId, licenseId) ?? throw NotFoundException.For("licence", licenseId);
        var changed = current with
        {
            LocationId = changes.LocationId ?? current.LocationId,
            LicenseType = Trim(changes.LicenseType) ?? current.LicenseType,
            IssuingAuthority = Trim(changes.IssuingAuthority) ?? current.IssuingAuthority,
            LicenseNumber = Trim(changes.LicenseNumber) ?? current.LicenseNumber,
            IssuedOn = changes.IssuedOn ?? current.IssuedOn,
            ExpiresOn = changes.ExpiresOn ?? current.ExpiresOn,
            RenewalLeadDays = changes.RenewalLeadDays ?? current.RenewalLeadDays,
            Notes = changes.Notes is null ? current.Notes : Trim(changes.Notes),
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        LicenseRules.Check(changes with { ExpiresOn = changed.ExpiresOn }, changed);
        await RefuseUnknownLocation(changed.LocationId);
        await licenses.Update(changed);
        // A renewal moves the expiry date: the old date's alerts are settled and the new date's reminders start over.
        await alerts.ResolveStale(OrganizationId, licenseId, changed.ExpiresOn, time.GetUtcNow().UtcDateTime);
        return await Watched(licenseId);
    }

    public async Task DeleteLicense(Guid licenseId)
    {
        if (!await licenses.SoftDelete(OrganizationId, licenseId, time.GetUtcNow().UtcDateTime))
        {
            throw NotFoundException.For("licence", licenseId);
        }

        await alerts.ResolveStale(OrganizationId, licenseId, currentExpiry: null, time.GetUtcNow().UtcDateTime);
    }

    public Task<Page<ComplianceAlert>> Alerts(ComplianceAlertFilter filter, PageRequest page) => alerts.List(OrganizationId, filter, page);

    public async Task<ComplianceAlert> AcknowledgeAlert(Guid alertId, Guid? acknowledgedBy) =>
        await alerts.Acknowledge(OrganizationId, alertId, acknowledgedBy, time.GetUtcNow().UtcDateTime)
            ?? throw NotFoundException.For("alert", alertId);

    public async Task<ComplianceCheck> Check()
    {
        var now = time.GetUtcNow();
        var onCalendar = await licenses.OnCalendar(OrganizationId);
        var due = new List<AlertDue>();
        foreach (var (license, timezone) in onCalendar)
        {
            var today = time.Today(timezone);
            if (LicenseExpiry.ReachedThreshold(license.ExpiresOn, today) is { } threshold)
            {
                var daysLeft = LicenseExpiry.DaysLeft(license.ExpiresOn, today);
                due.Add(new AlertDue(
                    LicenseExpiry.AlertKey(license.Id, license.ExpiresOn, threshold),
                    new ComplianceAlert(
                        ids.NewId(), OrganizationId, license.LocationId, license.Id, LicenseExpiry.Kind(threshold), daysLeft, license.ExpiresOn,
                        LicenseExpiry.Describe(license), LicenseExpiry.Message(license, daysLeft), now.UtcDateTime, null, null, null)));
            }
        }

        // Drafts first, so the alerts of a period just ended already name its draft.
        var drafted = await DraftFinishedReports();
        foreach (var location in await Filings())
        {
            foreach (var deadline in location.Reports)
            {
                if (ReportDeadlines.ReachedThreshold(deadline) is { } threshold)
                {
                    due.Add(new AlertDue(
                        ReportDeadlines.AlertKey(location.LocationId, deadline, threshold),
                        new ComplianceAlert(
                            ids.NewId(), OrganizationId, location.LocationId, null,
                            threshold < 0 ? ComplianceAlertKinds.ReportOverdue : ComplianceAlertKinds.ReportDue, deadline.DaysLeft, deadline.DueOn,
                            $"{deadline.Form} {deadline.PeriodStart:yyyy-MM-dd} to {deadline.PeriodEnd:yyyy-MM-dd}", ReportDeadlines.Message(location, deadline),
                            now.UtcDateTime, null, null, null, deadline.ReportId)));
                }
            }
        }

        var raised = await alerts.Raise(OrganizationId, due);
        foreach (var alert in raised)
        {
            metrics.ComplianceAlertRaised(alert.Kind);
        }

        if (raised.Count > 0)
        {
            GrainFactory.PublishLive(new LiveEvents(OrganizationId, [], null, [], raised));
        }

        _lastCheck = new ComplianceCheck(now.UtcDateTime, onCalendar.Count, raised, drafted);
        return _lastCheck;
    }

    public Task<ComplianceCheck?> LastCheck() => Task.FromResult(_lastCheck);

    public async Task<ComplianceStatus> Status()
    {
        var licenceViews = (await licenses.OnCalendar(OrganizationId)).Select(View).ToList();
        var locations = await Filings();
        var openAlerts = await alerts.OpenCount(OrganizationId);
        var counts = new LicenseCounts(
            licenceViews.Count(l => l.Status == LicenseStatuses.Valid),
            licenceViews.Count(l => l.Status == LicenseStatuses.Expiring),
            licenceViews.Count(l => l.Status == LicenseStatuses.Expired),
            licenceViews.Where(l => l.Status != LicenseStatuses.Valid).ToList());
        var reportStatuses = locations.SelectMany(l => l.Reports).Select(r => r.Status).ToList();
        var overall = counts.Expired > 0 || reportStatuses.Contains(FilingStatuses.Overdue) ? ComplianceStates.ActionRequired
            : counts.Expiring > 0 || reportStatuses.Contains(FilingStatuses.Due) || openAlerts > 0 ? ComplianceStates.Attention
            : ComplianceStates.Ok;
        return new ComplianceStatus(OrganizationId, overall, counts, locations, openAlerts, time.GetUtcNow().UtcDateTime, _lastCheck?.CheckedAt);
    }

    public Task Watch() => this.RegisterOrUpdateReminder(ReminderName, schedule.CheckEvery, schedule.CheckEvery);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await Check();
        }
        catch (Exception error)
        {
            // The next tick tries again; a failed check must not cancel the reminder.
            logger.LogWarning(error, "Compliance check of organisation {OrganizationId} failed; the next reminder tries again", OrganizationId);
        }

        try
        {
            // The organisation's daily round also mails each location's low-stock digest (once per business day).
            await GrainFactory.GetGrain<INotificationsGrain>(GrainKeys.Notifications(OrganizationId)).QueueLowStockDigests();
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Low-stock digests of organisation {OrganizationId} failed; the next reminder tries again", OrganizationId);
        }
    }

    /// <summary>Makes sure the reminder runs, then checks at once: a licence recorded inside a threshold alerts now, not tomorrow.</summary>
    private async Task<LicenseView> Watched(Guid licenseId)
    {
        await Watch();
        await Check();
        return await GetLicense(licenseId);
    }

    /// <summary>
    /// Drafts the ABC report of every finished period an open location owes and nobody generated yet, through the
    /// same computation as a person's report. One location failing (logged) stops neither the others nor the alerts;
    /// the next check tries it again, and the database's unique key keeps it to one draft per period.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> DraftFinishedReports()
    {
        var drafted = new List<Guid>();
        IReadOnlyList<LocationCompliance> owed;
        try
        {
            owed = await Filings();
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Report drafts of organisation {OrganizationId} failed; the next check tries again", OrganizationId);
            return drafted;
        }

        var generator = GrainFactory.GetGrain<IComplianceReportsGrain>(GrainKeys.ComplianceReports(OrganizationId));
        foreach (var location in owed)
        {
            try
            {
                foreach (var deadline in location.Reports.Where(r => r.Status != FilingStatuses.Submitted && r.ReportId is null))
                {
                    var period = new ReportPeriod(deadline.PeriodStart, deadline.PeriodEnd);
                    if (await generator.DraftAbc(location.LocationId, period, ReportDeadlines.ReportType(location.State)) is { } draft)
                    {
                        drafted.Add(draft.Id);
                        await alerts.AttachReport(OrganizationId, ReportDeadlines.AlertKeyPrefix(location.LocationId, period.Start, period.End), draft.Id);
                    }
                }
            }
            catch (Exception error)
            {
                logger.LogWarning(
                    error, "Report drafts of location {LocationId} (organisation {OrganizationId}) failed; the next check tries again", location.LocationId, OrganizationId);
            }
        }

        return drafted;
    }

    /// <summary>Every open location's report deadlines and coming filings, each judged by its own business day.</summary>
    private async Task<IReadOnlyList<LocationCompliance>> Filings()
    {
        var filed = await reports.Filed(OrganizationId);
        return (await licenses.LocationsOnFile(OrganizationId))
            .Select(l => ReportDeadlines.Of(l, filed, time.Today(l.Timezone)))
            .ToList();
    }

    private LicenseView View(LicenseOnCalendar onCalendar)
    {
        var (l, timezone) = onCalendar;
        var today = time.Today(timezone);
        return new LicenseView(
            l.Id, l.LocationId, l.LicenseType, l.IssuingAuthority, l.LicenseNumber, l.IssuedOn, l.ExpiresOn, l.RenewalLeadDays, l.Notes,
            LicenseExpiry.Status(l.ExpiresOn, l.RenewalLeadDays, today), LicenseExpiry.DaysLeft(l.ExpiresOn, today), l.CreatedAt, l.UpdatedAt);
    }

    private async Task RefuseUnknownLocation(Guid? locationId)
    {
        if (locationId is { } id && await locations.Find(OrganizationId, id) is null)
        {
            throw NotFoundException.For("location", id);
        }
    }

    private static string? Trim(string? value) => value?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
