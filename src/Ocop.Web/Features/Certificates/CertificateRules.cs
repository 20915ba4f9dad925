using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>
/// What the recognition and certificate pages share: today's Vietnam date, the processes as stored, the state of a
/// certificate on a date, certificate numbers, and who may decide.
/// </summary>
public sealed class CertificateRules(OcopDbContext db, TimeProvider clock)
{
    private IReadOnlyList<EvaluationProcess>? processes;

    /// <summary>Today in Vietnam (UTC+7, no daylight saving): certificates are valid by calendar day there.</summary>
    public DateOnly Today => Display.Today(clock);

    /// <summary>Recognitions, certificates, revocations and re-evaluations are the program office's decisions to record.</summary>
    public static bool CanDecide(Role role) => role is Role.Administrator or Role.ProgramOffice;

    /// <summary>The processes as stored in the database (an administrator may have corrected them), read once per request.</summary>
    public async Task<IReadOnlyList<EvaluationProcess>> ProcessesAsync(CancellationToken ct)
    {
        if (processes is null)
        {
            var definitions = await db.EvaluationProcesses.AsNoTracking().Select(p => p.Definition).ToListAsync(ct);
            processes = definitions.Count == 0 ? EvaluationProcesses.All : definitions.Select(LawJson.Read<EvaluationProcess>).ToList();
        }

        return processes;
    }

    /// <summary>The process a recognition falls under: its round's, or else the one in force on the day it was signed.</summary>
    public static EvaluationProcess ProcessFor(IReadOnlyList<EvaluationProcess> catalog, string? roundProcessCode, DateOnly signedOn) =>
        (roundProcessCode is null ? null : EvaluationProcesses.ByCode(roundProcessCode, catalog))
        ?? EvaluationProcesses.InForceOn(signedOn, catalog)
        ?? catalog.MinBy(p => p.EffectiveFrom)!;

    /// <summary>
    /// The state on <paramref name="date"/> under the processes and their transition rules: the re-evaluation window only
    /// where 26/2026 fixes it, the grace of a pending re-evaluation under the rules of its filing day.
    /// </summary>
    public static CertificateStatus StateOn(Certificate certificate, DateOnly date, IReadOnlyList<EvaluationProcess> catalog) =>
        CertificateValidity.StateOn(certificate.ToFacts(), date, catalog);

    /// <summary>The policy of the process in force on <paramref name="date"/> (the planning measures apply it as a whole).</summary>
    public static CertificatePolicy PolicyOn(DateOnly date, IReadOnlyList<EvaluationProcess> catalog) =>
        (EvaluationProcesses.InForceOn(date, catalog) ?? catalog.MinBy(p => p.EffectiveFrom)!).Certificates;

    /// <summary>The dates an office acts on for this certificate, under the same rules as its state.</summary>
    public static CertificateMilestones MilestonesOn(Certificate certificate, DateOnly date, IReadOnlyList<EvaluationProcess> catalog) =>
        CertificateValidity.Milestones(certificate.ToFacts(), CertificateValidity.TermsOf(certificate.ToFacts(), date, catalog));

    /// <summary>
    /// The next free numbers "{year}/OCOP-{unit code}-{sequence}", e.g. "2026/OCOP-847-001": the year of signing, the code
    /// of the unit that recognises, and a sequence within both. The unique index on the number is the last guard.
    /// </summary>
    public async Task<Func<string>> NumbererAsync(int year, string unitCode, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{year}/OCOP-{unitCode}-");
        var taken = await db.Certificates.Where(c => c.Number.StartsWith(prefix)).Select(c => c.Number).ToListAsync(ct);
        var next = taken.Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : 0)
            .DefaultIfEmpty(0).Max();
        return () => prefix + (++next).ToString("000", CultureInfo.InvariantCulture);
    }

    /// <summary>Stars as the certificate prints them: ★★★☆☆.</summary>
    public static string Stars(int stars) => new string('★', Math.Clamp(stars, 0, 5)) + new string('☆', 5 - Math.Clamp(stars, 0, 5));

    /// <summary>A score stored in hundredths (the mean rounded half-up), shown with Vietnamese decimals: 7250 → "72,50".</summary>
    public static string Score(int? hundredths) =>
        hundredths is int h ? (h / 100m).ToString("0.00", Ocop.Web.Shared.Display.Vi) : "—";

    /// <summary>Who records checks after recognition: those who decide, and the province's departments.</summary>
    public static bool CanCheck(Role role) => CanDecide(role) || role == Role.Department;

    /// <summary>
    /// The certificate if the user sees its product (with the product, its subject and commune, and the decision), else
    /// null: a certificate out of reach answers as one that does not exist.
    /// </summary>
    public static Task<Certificate?> VisibleAsync(OcopDbContext db, UserScope scope, int certificateId, bool track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var visible = scope.Visible(db.Products).Select(p => p.Id);
        var query = db.Certificates.Include(c => c.Recognition).Include(c => c.Product!).ThenInclude(p => p.Subject)
            .Include(c => c.Product!).ThenInclude(p => p.Commune)
            .Where(c => c.Id == certificateId && visible.Contains(c.ProductId));
        return (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }

    /// <summary>Which level revokes a certificate of <paramref name="stars"/> today, and whether the user's office is that level.</summary>
    public static async Task<RevocationCompetence> RevocationAsync(OcopDbContext db, UserScope scope, DateOnly today, IReadOnlyList<EvaluationProcess> catalog,
        int stars, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var decisionLevel = await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.DecisionLevel).SingleOrDefaultAsync(ct);
        return RevocationAuthority.For(scope.Role, decisionLevel, EvaluationProcesses.InForceOn(today, catalog), stars);
    }

    /// <summary>The re-evaluation dossier opened for a certificate, if any (the newest).</summary>
    public static Task<int?> ReevaluationDossierAsync(OcopDbContext db, int certificateId, CancellationToken ct) =>
        db.Dossiers.Where(d => d.CertificateId == certificateId && d.Variant == DossierVariant.Reevaluation)
            .OrderByDescending(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);

    /// <summary>The product's status once its certificates change: ranked while one of them is valid, registered otherwise.</summary>
    public static async Task<bool> HasOtherValidCertificateAsync(OcopDbContext db, int productId, int exceptCertificateId, DateOnly today,
        IReadOnlyList<EvaluationProcess> catalog, CancellationToken ct)
    {
        var others = await db.Certificates.AsNoTracking().Where(c => c.ProductId == productId && c.Id != exceptCertificateId).ToListAsync(ct);
        return others.Any(c => StateOn(c, today, catalog).IsValid);
    }
}
