using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Certificates;

namespace Ocop.Web.Features.Recognitions;

/// <summary>
/// Records a recognition decision and issues its certificates in one transaction: either from a closed round (its
/// products recognised at that level, with their stars and scores) or, for a decision of a higher level, by hand.
/// </summary>
public sealed class CreateModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    /// <summary>Rows offered for a decision entered by hand; a decision with more products is entered in parts.</summary>
    public const int ManualRows = 8;

    [FromQuery(Name = "round")] public int? RoundId { get; set; }
    [BindProperty] public DecisionInput Input { get; set; } = new();

    public EvaluationRound? Round { get; private set; }
    public List<Candidate> Candidates { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Levels { get; private set; } = [];

    public sealed record Candidate(int RoundProductId, int ProductId, string ProductName, string SubjectName, string CommuneName, int Stars, int? ScoreHundredths);

    public sealed class DecisionInput
    {
        [Required(ErrorMessage = "Nhập số quyết định."), StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string DecisionNumber { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày ký.")] public DateOnly? SignedOn { get; set; }
        [Required(ErrorMessage = "Nhập người ký."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string Signer { get; set; } = "";
        [Required(ErrorMessage = "Nhập chức vụ người ký."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string SignerTitle { get; set; } = "";
        [Required(ErrorMessage = "Nhập cơ quan ban hành."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Issuer { get; set; } = "";
        /// <summary>Only for a decision entered by hand; a round's decision is of the round's level.</summary>
        public EvaluationLevel? Level { get; set; }
        /// <summary>Round products to recognise (from a round).</summary>
        public List<int> Selected { get; set; } = [];
        /// <summary>Products with stars and score (by hand).</summary>
        public List<ManualRow> Rows { get; set; } = [];
    }

    public sealed class ManualRow
    {
        public int? ProductId { get; set; }
        [Range(3, 5, ErrorMessage = "Chỉ sản phẩm 3 đến 5 sao được công nhận.")] public int? Stars { get; set; }
        /// <summary>Text, read with either decimal mark ("72,5" or "72.5").</summary>
        [StringLength(10)] public string? Score { get; set; }
    }

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
            Input.Issuer = "UBND " + Round.Unit!.Kind.ToUpper(Ocop.Web.Shared.Display.Vi) + " " + Round.Unit.Name.ToUpper(Ocop.Web.Shared.Display.Vi);
            Input.SignerTitle = "Chủ tịch";
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

        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        var number = (Input.DecisionNumber ?? "").Trim(); // an empty field binds as null
        if (number.Length > 0 && await db.Recognitions.AnyAsync(r => r.DecisionNumber == number, ct))
        {
            ModelState.AddModelError("Input.DecisionNumber", "Số quyết định này đã được ghi nhận.");
        }

        if (Input.SignedOn is DateOnly signed && signed > rules.Today)
        {
            ModelState.AddModelError("Input.SignedOn", "Ngày ký không được sau ngày hôm nay.");
        }

        List<(int ProductId, int? RoundProductId, int Stars, int? ScoreHundredths, string UnitCode)> issue = [];
        if (Round is not null)
        {
            var chosen = Candidates.Where(c => Input.Selected.Contains(c.RoundProductId)).ToList();
            if (chosen.Count == 0)
            {
                ModelState.AddModelError("", "Chọn ít nhất một sản phẩm được công nhận.");
            }

            issue = chosen.Select(c => (c.ProductId, (int?)c.RoundProductId, c.Stars, c.ScoreHundredths, Round.Unit!.Code)).ToList();
        }
        else
        {
            if (Input.Level is null or EvaluationLevel.CommuneCheck)
            {
                ModelState.AddModelError("Input.Level", "Chọn cấp công nhận.");
            }

            var visible = await scope.Visible(db.Products).Where(p => p.Status != ProductStatus.Archived)
                .Select(p => new { p.Id, CommuneCode = p.Commune!.Code }).ToDictionaryAsync(p => p.Id, p => p.CommuneCode, ct);
            for (var i = 0; i < Input.Rows.Count; i++)
            {
                var row = Input.Rows[i];
                if (row.ProductId is null)
                {
                    continue;
                }

                if (!visible.TryGetValue(row.ProductId.Value, out var communeCode))
                {
                    ModelState.AddModelError($"Input.Rows[{i}].ProductId", "Sản phẩm không hợp lệ.");
                    continue;
                }

                if (row.Stars is null)
                {
                    ModelState.AddModelError($"Input.Rows[{i}].Stars", "Chọn hạng sao.");
                    continue;
                }

                if (issue.Any(x => x.ProductId == row.ProductId))
                {
                    ModelState.AddModelError($"Input.Rows[{i}].ProductId", "Sản phẩm bị trùng.");
                    continue;
                }

                int? hundredths = null;
                if (!string.IsNullOrWhiteSpace(row.Score))
                {
                    if (!decimal.TryParse(row.Score.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score) || score > 100)
                    {
                        ModelState.AddModelError($"Input.Rows[{i}].Score", "Điểm là số từ 0 đến 100, ví dụ 72,5.");
                        continue;
                    }

                    hundredths = (int)Math.Truncate(score * 100);
                }

                issue.Add((row.ProductId.Value, null, row.Stars.Value, hundredths, communeCode));
            }

            if (issue.Count == 0 && ModelState.IsValid)
            {
                ModelState.AddModelError("", "Nhập ít nhất một sản phẩm với hạng sao.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var signedOn = Input.SignedOn!.Value;
        var process = CertificateRules.ProcessFor(catalog, Round?.ProcessCode, signedOn);
        var recognition = new Recognition
        {
            DecisionNumber = number,
            SignedOn = signedOn,
            Signer = Input.Signer.Trim(),
            SignerTitle = Input.SignerTitle.Trim(),
            Issuer = Input.Issuer.Trim(),
            Level = Round?.Level ?? Input.Level!.Value,
            RoundId = Round?.Id,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var numberers = new Dictionary<string, Func<string>>(StringComparer.Ordinal);
        foreach (var (productId, roundProductId, stars, score, unitCode) in issue)
        {
            if (!numberers.TryGetValue(unitCode, out var next))
            {
                next = await rules.NumbererAsync(signedOn.Year, unitCode, ct);
                numberers[unitCode] = next;
            }

            recognition.Certificates.Add(new Certificate
            {
                Number = next(),
                ProductId = productId,
                RoundProductId = roundProductId,
                Stars = stars,
                ScoreHundredths = score,
                IssuedOn = signedOn,
                ExpiresOn = CertificateValidity.ExpiryFor(signedOn, process.Certificates),
            });
        }

        db.Recognitions.Add(recognition);
        var productIds = issue.Select(i => i.ProductId).ToList();
        var products = await db.Products.Where(p => productIds.Contains(p.Id)).ToListAsync(ct);
        foreach (var product in products)
        {
            product.Status = ProductStatus.Ranked;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another decision took the same certificate numbers at the same moment; the transaction rolls back on dispose.
            ModelState.AddModelError("", "Số giấy chứng nhận vừa được cấp cho một quyết định khác. Hãy gửi lại.");
            return Page();
        }

        await transaction.CommitAsync(ct);
        TempData["Message"] = string.Create(CultureInfo.InvariantCulture, $"Đã ghi nhận quyết định và cấp {recognition.Certificates.Count} giấy chứng nhận.");
        return Redirect("/Recognitions/Details/" + recognition.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The round and its recognisable products (not yet certified under this round), or the products for a manual decision.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Levels = [new("Cấp tỉnh", nameof(EvaluationLevel.Province)), new("Cấp trung ương", nameof(EvaluationLevel.Central)), new("Cấp huyện", nameof(EvaluationLevel.District))];
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
                return Redirect("/Recognitions");
            }

            Candidates = await db.RoundProducts.AsNoTracking()
                .Where(p => p.RoundId == roundId && p.Outcome == LevelOutcomeKind.RecognisedHere && p.Star != null)
                .Where(p => !db.Certificates.Any(c => c.RoundProductId == p.Id))
                .OrderBy(p => p.Product!.Name)
                .Select(p => new Candidate(p.Id, p.ProductId, p.Product!.Name, p.Product.Subject!.Name, p.Product.Commune!.Name, p.Star!.Value, p.ScoreHundredths))
                .ToListAsync(ct);
            return null;
        }

        var products = await scope.Visible(db.Products).AsNoTracking().Where(p => p.Status != ProductStatus.Archived)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, Subject = p.Subject!.Name }).ToListAsync(ct);
        Products = products.Select(p => new SelectListItem($"{p.Name} — {p.Subject}", p.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        while (Input.Rows.Count < ManualRows)
        {
            Input.Rows.Add(new ManualRow());
        }

        return null;
    }
}
