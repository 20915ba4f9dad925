using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Exchange;

/// <summary>
/// One recognised product's certificate as other systems take it (the national OCOP database, a province's platform):
/// field names that do not change between versions (docs/api.md lists them), units by their official codes — those of
/// the certificate's issue date and those of today — and the moment anything in the row last changed.
/// </summary>
/// <param name="CommuneCode">The commune that held the product on the issue date (a former one for a record from before 2025).</param>
/// <param name="ChangedAt">The last change (UTC) of the certificate, its decision, its product or its subject: what <c>changedSince</c> compares.</param>
public sealed record ExchangeCertificate(
    string CertificateNumber, int Stars, decimal? Score, DateOnly IssuedOn, DateOnly ExpiresOn, string State, bool IsValid, DateOnly? RevokedOn,
    string DecisionNumber, DateOnly DecisionSignedOn, string Issuer, string Level,
    int ProductId, string ProductName, string CategoryCode, string? Gtin,
    int SubjectId, string SubjectName, string LegalForm, string? TaxCode, string? RegistrationNumber,
    string CommuneCode, string CommuneName, string? DistrictCode, string? ProvinceCode,
    string CommuneCodeToday, string? ProvinceCodeToday, DateTime ChangedAt);

/// <summary>
/// The export of recognised products and their certificates, the same for the API and for an office's download: every
/// certificate of a product the user may see, optionally only those changed since a moment (by the audit trail, which
/// records every change), oldest change first so that a client can resume from the last row it took.
/// </summary>
public sealed class CertificateExchange(OcopDbContext db, UnitDirectory directory, TimeProvider clock)
{
    private static readonly string[] ChangeTypes = [nameof(Certificate), nameof(Recognition), nameof(Product), nameof(Subject)];

    public async Task<List<ExchangeCertificate>> LoadAsync(UserScope scope, DateTime? changedSince, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var units = await directory.GetAsync(db, ct);
        var rules = new CertificateRules(db, clock);
        var processes = await rules.ProcessesAsync(ct);
        var visible = scope.Visible(db.Products).Select(p => p.Id);
        var certificates = await db.Certificates.AsNoTracking()
            .Where(c => visible.Contains(c.ProductId))
            .Select(c => new
            {
                Certificate = c,
                c.Recognition!.DecisionNumber,
                c.Recognition.SignedOn,
                c.Recognition.Issuer,
                c.Recognition.Level,
                RecognisedAt = c.Recognition.CreatedAt,
                ProductName = c.Product!.Name,
                CategoryCode = c.Product.Category!.Code,
                c.Product.Gtin,
                c.Product.CommuneId,
                c.Product.SubjectId,
                SubjectName = c.Product.Subject!.Name,
                c.Product.Subject.LegalForm,
                c.Product.Subject.TaxCode,
                c.Product.Subject.RegistrationNumber,
            })
            .ToListAsync(ct);
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(a => ChangeTypes.Contains(a.EntityType) && (changedSince == null || a.At > changedSince))
            .GroupBy(a => new { a.EntityType, a.EntityId })
            .Select(g => new { g.Key.EntityType, g.Key.EntityId, At = g.Max(a => a.At) })
            .ToListAsync(ct);
        var changedAt = changes.ToDictionary(c => (c.EntityType, c.EntityId), c => c.At);
        DateTime? Last(string type, int id) => changedAt.TryGetValue((type, id.ToString(CultureInfo.InvariantCulture)), out var at) ? at : null;

        var today = rules.Today;
        var rows = new List<ExchangeCertificate>(certificates.Count);
        foreach (var x in certificates)
        {
            var c = x.Certificate;
            var last = new[] { Last(nameof(Certificate), c.Id), Last(nameof(Recognition), c.RecognitionId), Last(nameof(Product), c.ProductId), Last(nameof(Subject), x.SubjectId) }.Max();
            if (changedSince is not null && last is null)
            {
                continue;
            }

            var status = CertificateRules.StateOn(c, today, processes);
            var recorded = units.ById[x.CommuneId];
            var then = units.CurrentOn(recorded, c.IssuedOn);
            var now = units.CurrentOn(recorded, today);
            rows.Add(new ExchangeCertificate(
                c.Number, c.Stars, c.ScoreHundredths is int s ? s / 100m : null, c.IssuedOn, c.ExpiresOn, status.State.ToString(), status.IsValid, c.RevokedOn,
                x.DecisionNumber, x.SignedOn, x.Issuer, x.Level.ToString(),
                c.ProductId, x.ProductName, x.CategoryCode, x.Gtin,
                x.SubjectId, x.SubjectName, x.LegalForm.ToString(), x.TaxCode, x.RegistrationNumber,
                then.Code, then.Name, Ancestor(units, then, UnitLevel.District)?.Code, Ancestor(units, then, UnitLevel.Province)?.Code,
                now.Code, Ancestor(units, now, UnitLevel.Province)?.Code, last ?? x.RecognisedAt));
        }

        return rows.OrderBy(r => r.ChangedAt).ThenBy(r => r.CertificateNumber, StringComparer.Ordinal).ToList();
    }

    private static UnitEntry? Ancestor(UnitDirectory.Snapshot units, UnitEntry unit, UnitLevel level)
    {
        for (var u = (UnitEntry?)unit; u is not null; u = units.Parent(u))
        {
            if (u.Level == level)
            {
                return u;
            }
        }

        return null;
    }

    /// <summary>The rows as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads the diacritics), headers as the JSON names.</summary>
    public static byte[] Csv(IEnumerable<ExchangeCertificate> rows)
    {
        var properties = typeof(ExchangeCertificate).GetProperties();
        var csv = new StringBuilder();
        csv.AppendJoin(',', properties.Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name))).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', properties.Select(p => Field(p.GetValue(row)))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>Reads <c>changedSince</c>: an ISO 8601 moment (UTC unless it says otherwise) or a date (its midnight in Vietnam).</summary>
    public static (DateTime? Value, bool Ok) ParseSince(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, true);
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // Midnight in Vietnam, as a UTC moment like every stored one (PostgreSQL refuses a moment of no stated kind).
            return (DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue).AddHours(-7), DateTimeKind.Utc), true);
        }

        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? (moment.UtcDateTime, true)
            : (null, false);
    }
}
