using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Features.Planning;

namespace Ocop.Web.Features.Reports;

/// <summary>
/// The registry and recognition figures of a periodic report for one unit and period: products recognised in the
/// period, certificates that expired in it or expire in the half-year after it, and the annexes (products with
/// stars by commune, subjects by legal form). Each figure is read once here and printed by the DOCX and the XLSX.
/// Everything stands as on the period's last day: nothing recorded after it enters (a subject counts from its
/// registration with the legal form it had that day; a product from its record or its first certificate; a
/// certificate from its issue, revoked or replaced only by then).
/// </summary>
public sealed class ReportData
{
    /// <summary>How far past the period's end a certificate's expiry is reported as coming.</summary>
    public const int ExpiringWithinDays = 180;

    public required FigureUnit Unit { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public required List<CertificateRow> RecognisedInPeriod { get; init; }
    public required List<CertificateRow> ExpiredInPeriod { get; init; }
    public required List<CertificateRow> ExpiringAfterPeriod { get; init; }
    /// <summary>Annex 1: every product of the unit with its current star (valid certificate at the period's end), by commune.</summary>
    public required List<ProductStarRow> ProductsByCommune { get; init; }
    /// <summary>Annex 2: active subjects registered by the period's end, by commune and legal form on that day.</summary>
    public required List<SubjectFormRow> SubjectsByForm { get; init; }

    public sealed record CertificateRow(
        int ProductId, string ProductName, string SubjectName, string CommuneName, int Stars, string CertificateNumber,
        string DecisionNumber, DateOnly IssuedOn, DateOnly ExpiresOn, CertificateState StateAtEnd);

    public sealed record ProductStarRow(
        string CommuneName, string ProductName, string SubjectName, string CategoryCode, string CategoryName, ProductStatus Status,
        int? Stars, string? CertificateNumber, DateOnly? ExpiresOn);

    public sealed record SubjectFormRow(string CommuneName, Dictionary<LegalForm, int> Counts)
    {
        public int Total => Counts.Values.Sum();
    }

    public static async Task<ReportData> LoadAsync(OcopDbContext db, TimeProvider clock, FigureUnit unit, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var catalog = await new CertificateRules(db, clock).ProcessesAsync(ct);
        var products = db.Products.AsNoTracking();
        var subjects = db.Subjects.AsNoTracking();
        if (unit.Communes is { } communes)
        {
            var ids = communes.ToList();
            products = products.Where(p => ids.Contains(p.CommuneId));
            subjects = subjects.Where(s => ids.Contains(s.CommuneId));
        }

        var productIds = products.Select(p => p.Id);
        var horizon = to.AddDays(ExpiringWithinDays);
        // A certificate kept valid pending re-evaluation may outlive its expiry by 180 days.
        var earliestExpiry = from.AddDays(-180);
        // Certificates that matter to the period: issued by its end, and expiring between its start and the horizon or current at its end.
        var certificates = await db.Certificates.AsNoTracking()
            .Where(c => productIds.Contains(c.ProductId) && c.IssuedOn <= to && c.ExpiresOn >= earliestExpiry)
            .Select(c => new
            {
                Certificate = c,
                ProductName = c.Product!.Name,
                SubjectName = c.Product.Subject!.Name,
                CommuneName = c.Product.Commune!.Name,
                c.Recognition!.DecisionNumber,
                SupersededOn = db.Certificates.Where(x => x.Id == c.SupersededById).Select(x => (DateOnly?)x.IssuedOn).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var rows = certificates.Select(x =>
        {
            var status = CertificateRules.StateOn(x.Certificate, to, catalog);
            // Revoked or replaced after the period's end: on that day it still stood.
            var endedByThen = x.Certificate.RevokedOn <= to || x.SupersededOn <= to;
            return (Row: new CertificateRow(x.Certificate.ProductId, x.ProductName, x.SubjectName, x.CommuneName, x.Certificate.Stars,
                x.Certificate.Number, x.DecisionNumber, x.Certificate.IssuedOn, x.Certificate.ExpiresOn, status.State), EndedByThen: endedByThen, ValidAtEnd: status.IsValid);
        }).ToList();

        var names = StringComparer.Create(Ocop.Web.Shared.Display.Vi, false);
        var current = rows.Where(r => r.ValidAtEnd)
            .GroupBy(r => r.Row.ProductId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Row.IssuedOn).Row);
        // A product counts from its record, or from its first certificate when it was transcribed later.
        var recordedBy = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
        var productRows = await products
            .Where(p => p.Status != ProductStatus.Archived && (p.CreatedAt < recordedBy || db.Certificates.Any(c => c.ProductId == p.Id && c.IssuedOn <= to)))
            .Select(p => new { p.Id, p.Name, SubjectName = p.Subject!.Name, CommuneName = p.Commune!.Name, p.Category!.Code, CategoryName = p.Category.Name, p.Status })
            .ToListAsync(ct);
        var subjectRows = await subjects.Where(s => !s.IsArchived && s.RegisteredOn <= to)
            .Select(s => new
            {
                CommuneName = s.Commune!.Name,
                LegalForm = db.Set<SubjectLegalFormPeriod>().Where(p => p.SubjectId == s.Id && p.StartedOn <= to && (p.EndedOn == null || p.EndedOn > to))
                    .Select(p => (LegalForm?)p.LegalForm).FirstOrDefault() ?? s.LegalForm,
            })
            .ToListAsync(ct);

        return new ReportData
        {
            Unit = unit,
            From = from,
            To = to,
            RecognisedInPeriod = rows.Where(r => r.Row.IssuedOn >= from && r.Row.IssuedOn <= to).Select(r => r.Row)
                .OrderBy(r => r.IssuedOn).ThenBy(r => r.ProductName, names).ToList(),
            ExpiredInPeriod = rows.Where(r => r.Row.ExpiresOn >= from && r.Row.ExpiresOn < to && !r.EndedByThen)
                .Select(r => r.Row).OrderBy(r => r.ExpiresOn).ToList(),
            ExpiringAfterPeriod = rows.Where(r => r.Row.ExpiresOn >= to && r.Row.ExpiresOn <= horizon && !r.EndedByThen)
                .Select(r => r.Row).OrderBy(r => r.ExpiresOn).ToList(),
            ProductsByCommune = productRows
                .Select(p => (p, Star: current.GetValueOrDefault(p.Id)))
                .Select(x => new ProductStarRow(x.p.CommuneName, x.p.Name, x.p.SubjectName, x.p.Code, x.p.CategoryName, x.p.Status,
                    x.Star?.Stars, x.Star?.CertificateNumber, x.Star?.ExpiresOn))
                .OrderBy(r => r.CommuneName, names).ThenByDescending(r => r.Stars ?? 0).ThenBy(r => r.ProductName, names)
                .ToList(),
            SubjectsByForm = subjectRows.GroupBy(s => s.CommuneName)
                .Select(g => new SubjectFormRow(g.Key, g.GroupBy(s => s.LegalForm).ToDictionary(f => f.Key, f => f.Count())))
                .OrderBy(r => r.CommuneName, names)
                .ToList(),
        };
    }
}
