using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Support;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Support;

/// <summary>
/// One product's section III: for each of its recognitions, the policies it became eligible for (the core's
/// <see cref="SupportEligibility"/>: in force on the recognition date, giving something at its star), marked where support
/// under them was already recorded; then the support it got, its IP titles, listings and sales points.
/// </summary>
public sealed class ProductModel(SectionContext section) : PageModel
{
    public sealed record Recognised(int CertificateId, string Number, int Stars, DateOnly IssuedOn, IReadOnlyList<EligiblePolicy> Eligible);

    public sealed record SupportLine(int Id, DateOnly On, SupportKind Kind, string Description, long? AmountVnd, long? PaidVnd, FundingSource? Source, string? Policy);

    public string ProductName { get; private set; } = "";
    public string SubjectName { get; private set; } = "";
    public List<Recognised> Recognitions { get; private set; } = [];
    public List<SupportLine> Support { get; private set; } = [];
    public List<(IpKind Kind, string Name, IpStatus Status)> Titles { get; private set; } = [];
    public List<(string Platform, string Url, DateOnly From, DateOnly? Until)> Listings { get; private set; } = [];
    public List<(string Name, DateOnly From, DateOnly? Until)> SalesPoints { get; private set; } = [];
    public bool SeesSupport { get; private set; }
    public bool CanRecordSupport { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var db = section.Db;
        var product = await scope.User.Visible(db.Products).AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Name, Subject = p.Subject!.Name, p.CommuneId }).SingleOrDefaultAsync(ct);
        if (product is null)
        {
            return NotFound();
        }

        (ProductName, SubjectName) = (product.Name, product.Subject);
        var supportAccess = PlanningAccess.ForSupportRecord(scope.Role, scope.InScope(product.CommuneId));
        SeesSupport = supportAccess != RecordAccess.None;
        CanRecordSupport = supportAccess == RecordAccess.Edit;
        var policies = (await db.SupportPolicies.AsNoTracking().Include(p => p.Rates).ToListAsync(ct)).Select(p => p.ToTerms()).ToList();
        var supportedUnder = (await db.SupportRecords.AsNoTracking().Where(r => r.ProductId == id && !r.IsArchived && r.PolicyId != null)
            .Select(r => r.PolicyId!.Value).ToListAsync(ct)).ToHashSet();
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.ProductId == id).OrderByDescending(c => c.IssuedOn)
            .Select(c => new { c.Id, c.Number, c.Stars, c.IssuedOn }).ToListAsync(ct);
        Recognitions = certificates.Select(c => new Recognised(c.Id, c.Number, c.Stars, c.IssuedOn, SupportEligibility.For(policies, c.Stars, c.IssuedOn, supportedUnder))).ToList();
        if (SeesSupport)
        {
            Support = await db.SupportRecords.AsNoTracking().Where(r => r.ProductId == id && !r.IsArchived).OrderByDescending(r => r.On)
                .Select(r => new SupportLine(r.Id, r.On, r.Kind, r.Description, r.AmountVnd, r.PaidVnd, r.Source, r.Policy == null ? null : r.Policy.Name))
                .ToListAsync(ct);
        }

        Titles = (await db.IpTitles.AsNoTracking().Where(t => t.ProductId == id && !t.IsArchived).Select(t => new { t.Kind, t.Name, t.Status }).ToListAsync(ct))
            .Select(t => (t.Kind, t.Name, t.Status)).ToList();
        Listings = (await db.EcommerceListings.AsNoTracking().Where(l => l.ProductId == id && !l.IsArchived).Select(l => new { l.Platform, l.Url, l.StartedOn, l.EndedOn }).ToListAsync(ct))
            .Select(l => (l.Platform, l.Url, l.StartedOn, l.EndedOn)).ToList();
        SalesPoints = (await db.SalesPointProducts.AsNoTracking().Where(x => x.ProductId == id && !x.SalesPoint!.IsArchived)
                .Select(x => new { x.SalesPoint!.Name, x.StartedOn, x.EndedOn }).ToListAsync(ct))
            .Select(x => (x.Name, x.StartedOn, x.EndedOn)).ToList();
        return Page();
    }
}
