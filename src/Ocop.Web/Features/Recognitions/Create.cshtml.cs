using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Features.Documents;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Recognitions;

/// <summary>
/// The form of a recognition decision: from a closed round (its recognisable products to choose) or entered by hand
/// (a higher level's decision, or one transcribed from paper). What may be recorded, and the recording itself, is
/// <see cref="IssueRecognition"/>'s; the page offers the choices and translates its result.
/// </summary>
public sealed class CreateModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, IssueRecognition issue) : PageModel
{
    /// <summary>Rows offered for a decision entered by hand; a decision with more products is entered in parts.</summary>
    public const int ManualRows = 8;

    [FromQuery(Name = "round")] public int? RoundId { get; set; }
    [BindProperty, ValidateNever] public IssueRecognition.Command Input { get; set; } = new();

    public EvaluationRound? Round { get; private set; }
    public List<Candidate> Candidates { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Levels { get; private set; } = [];
    /// <summary>Every recorded signatory, grouped by authority; the server checks the choice against the signing date.</summary>
    public List<SelectListItem> Signatories { get; private set; } = [];
    /// <summary>The authority that issues for the round's unit today, shown before the date is chosen.</summary>
    public IssuingAuthority? AuthorityToday { get; private set; }

    public sealed record Candidate(int RoundProductId, int ProductId, string ProductName, string SubjectName, string CommuneName, int CommuneId, int Stars, int? ScoreHundredths);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!CertificateRules.CanDecide(scope.Role))
        {
            return Forbid();
        }

        var problem = await LoadAsync(ct);
        if (problem is not null)
        {
            return problem;
        }

        var today = new CertificateRules(db, clock).Today;
        Input.SignedOn = today;
        if (Round is not null)
        {
            Input.Selected = Candidates.Select(c => c.RoundProductId).ToList();
            AuthorityToday = await new IssuerDirectory(db).AuthorityAsync(await UnitAtlas.LoadAsync(db, [Round.UnitId], ct), Round.UnitId, today, ct);
            Input.SignatoryId = AuthorityToday is null ? null : IssuerDirectory.DefaultSignatory(AuthorityToday, today)?.Id;
        }
        else
        {
            Input.Level = EvaluationLevel.Province;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!CertificateRules.CanDecide(scope.Role))
        {
            return Forbid();
        }

        var problem = await LoadAsync(ct);
        if (problem is not null)
        {
            return problem;
        }

        // A value typed that is not even of its type (a date, a number) stops here; an empty field is the use case's to judge.
        if (ModelState.Values.Any(e => e.Errors.Count > 0 && !string.IsNullOrEmpty(e.AttemptedValue)))
        {
            return Page();
        }

        ModelState.Clear();

        Input.RoundId = Round?.Id;
        var result = await issue.RunAsync(scope, Input, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = string.Create(CultureInfo.InvariantCulture, $"Đã ghi nhận quyết định và cấp {result.Value!.CertificateIds.Count} giấy chứng nhận.");
                return RedirectToPage("/Recognitions/Details", new { id = result.Value.RecognitionId });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                TempData["Message"] = result.Message;
                return RedirectToPage("/Recognitions/Index");
            default:
                result.AddTo(ModelState, "Input.");
                return Page();
        }
    }

    /// <summary>The round and its recognisable products (not yet certified under this round), or the products for a manual decision.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Levels = [new("Cấp tỉnh", nameof(EvaluationLevel.Province)), new("Cấp trung ương", nameof(EvaluationLevel.Central)), new("Cấp huyện", nameof(EvaluationLevel.District))];
        Signatories = await SignatoryChoicesAsync(ct);
        if (RoundId is int roundId)
        {
            Round = await db.EvaluationRounds.AsNoTracking().Include(r => r.Unit).SingleOrDefaultAsync(r => r.Id == roundId, ct);
            if (Round is null)
            {
                return NotFound();
            }

            if (Round.State != RoundState.Closed)
            {
                TempData["Message"] = "Đợt đánh giá chưa kết thúc: chỉ ra quyết định công nhận khi đợt đã kết thúc.";
                return RedirectToPage("/Recognitions/Index");
            }

            Candidates = await db.RoundProducts.AsNoTracking()
                .Where(p => p.RoundId == roundId && p.Outcome == LevelOutcomeKind.RecognisedHere && p.Star != null)
                .Where(p => !db.Certificates.Any(c => c.RoundProductId == p.Id))
                .OrderBy(p => p.Product!.Name)
                .Select(p => new Candidate(p.Id, p.ProductId, p.Product!.Name, p.Product.Subject!.Name, p.Product.Commune!.Name, p.Product.CommuneId, p.Star!.Value, p.ScoreHundredths))
                .ToListAsync(ct);
            return null;
        }

        var products = await scope.Visible(db.Products).AsNoTracking().Where(p => p.Status != ProductStatus.Archived)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, Subject = p.Subject!.Name }).ToListAsync(ct);
        Products = products.Select(p => new SelectListItem($"{p.Name} — {p.Subject}", p.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        while (Input.Rows.Count < ManualRows)
        {
            Input.Rows.Add(new IssueRecognition.Row());
        }

        return null;
    }

    private async Task<List<SelectListItem>> SignatoryChoicesAsync(CancellationToken ct)
    {
        var signatories = await db.Signatories.AsNoTracking()
            .OrderBy(s => s.Authority!.ShortName).ThenByDescending(s => s.ValidFrom).ThenBy(s => s.IsDeputy).ThenBy(s => s.FullName)
            .Select(s => new { s.Id, s.FullName, s.Title, s.ValidFrom, s.ValidTo, Authority = s.Authority!.ShortName, AuthorityFrom = s.Authority.ValidFrom, AuthorityTo = s.Authority.ValidTo })
            .ToListAsync(ct);
        var groups = new Dictionary<string, SelectListGroup>(StringComparer.Ordinal);
        return signatories.Select(s =>
        {
            var label = s.Authority + (s.AuthorityTo is null ? "" : $" (đến {Display.Date(s.AuthorityTo)})");
            if (!groups.TryGetValue(label, out var group))
            {
                group = new SelectListGroup { Name = label };
                groups[label] = group;
            }

            var period = s.ValidTo is null ? $"từ {Display.Date(s.ValidFrom)}" : $"{Display.Date(s.ValidFrom)} – {Display.Date(s.ValidTo)}";
            return new SelectListItem($"{s.FullName} — {s.Title} ({period})", s.Id.ToString(CultureInfo.InvariantCulture),
                Input.SignatoryId == s.Id)
            { Group = group };
        }).ToList();
    }
}
