using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>
/// Certificates by their state today. States depend on the date, so they are computed in memory over the user's
/// certificates (a district or province holds hundreds, not millions), then filtered, counted and paged.
/// </summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "state")] public CertificateState? State { get; set; }
    [FromQuery(Name = "province")] public int? Province { get; set; }
    [FromQuery(Name = "commune")] public int? Commune { get; set; }
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    /// <summary>The date the states are computed for (dd/MM/yyyy as typed, or yyyy-MM-dd in links); today when absent.</summary>
    [FromQuery(Name = "at")] public string? At { get; set; }

    /// <summary>The date the states are for: <see cref="At"/> when given, else today.</summary>
    public DateOnly Today { get; private set; }
    public bool IsToday { get; private set; } = true;
    public string? AtError { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int All { get; private set; }
    public Dictionary<CertificateState, int> Counts { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public UnitFilter Units { get; private set; } = null!;
    public List<int> Years { get; private set; } = [];

    /// <summary>The tabs, in the order an office works through them.</summary>
    public static readonly CertificateState[] Tabs =
    [
        CertificateState.Valid, CertificateState.ReevaluationWindowOpen, CertificateState.ExpiringSoon, CertificateState.Expired,
        CertificateState.ReevaluationFiled, CertificateState.KeptValidPendingReevaluation, CertificateState.Superseded, CertificateState.Revoked,
    ];

    public sealed record Row(int Id, string Number, int ProductId, string ProductName, string SubjectName, string CommuneName, int Stars,
        DateOnly IssuedOn, DateOnly ExpiresOn, CertificateState State, int DaysToExpiry, string DecisionNumber);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        Today = rules.Today;
        if (!string.IsNullOrWhiteSpace(At))
        {
            if (DateInput.TryParse(At, out var at) && at.Year is >= 2000 and <= 2100)
            {
                IsToday = at == Today;
                Today = at;
            }
            else
            {
                AtError = "Ngày xem tình trạng không hợp lệ (dạng ngày/tháng/năm, ví dụ 30/06/2026): đang hiện tình trạng hôm nay.";
            }
        }

        var visible = scope.Visible(db.Products).Select(p => p.Id);
        var query = db.Certificates.AsNoTracking().Where(c => visible.Contains(c.ProductId));
        Years = await query.Select(c => c.IssuedOn.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        // A place covers its former communes' records (the old district years under today's province).
        Units = await Lookups.UnitFilterAsync(db, scope, Province, Commune, Request.Query.ContainsKey("province"), ct);
        if ((await new UnitQuery(Units.Province ?? Province, Commune).ResolveAsync(db, ct)).Communes is { } communes)
        {
            query = query.Where(c => communes.Contains(c.Product!.CommuneId));
        }

        if (Year is int year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            query = query.Where(c => c.IssuedOn >= from && c.IssuedOn <= to);
        }

        var certificates = await query
            .Select(c => new { Certificate = c, ProductName = c.Product!.Name, SubjectName = c.Product.Subject!.Name, CommuneName = c.Product.Commune!.Name, c.Recognition!.DecisionNumber })
            .ToListAsync(ct);
        var rows = certificates.Select(x =>
        {
            var status = CertificateRules.StateOn(x.Certificate, Today, catalog);
            var c = x.Certificate;
            return new Row(c.Id, c.Number, c.ProductId, x.ProductName, x.SubjectName, x.CommuneName, c.Stars, c.IssuedOn, c.ExpiresOn,
                status.State, status.DaysToExpiry, x.DecisionNumber);
        }).ToList();
        All = rows.Count;
        Counts = rows.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());
        var shown = rows.Where(r => State is null || r.State == State)
            .OrderBy(r => r.State == CertificateState.Revoked).ThenBy(r => r.ExpiresOn).ThenBy(r => r.Number, StringComparer.Ordinal)
            .ToList();
        Total = shown.Count;
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize)));
        Rows = shown.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        Pager = new Pager(Request, page, PageSize, Total);
    }

    /// <summary>The list with another state tab, keeping the commune and year filters, from the first page.</summary>
    public string TabUrl(CertificateState? state)
    {
        var query = new List<string>();
        if (state is not null)
        {
            query.Add("state=" + state);
        }

        if (Province is int province)
        {
            query.Add("province=" + province.ToString(CultureInfo.InvariantCulture));
        }

        if (Commune is int commune)
        {
            query.Add("commune=" + commune.ToString(CultureInfo.InvariantCulture));
        }

        if (Year is int year)
        {
            query.Add("year=" + year.ToString(CultureInfo.InvariantCulture));
        }

        if (!IsToday)
        {
            query.Add("at=" + Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return "/Certificates" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public static string Days(int days) => days.ToString(CultureInfo.InvariantCulture);
}
