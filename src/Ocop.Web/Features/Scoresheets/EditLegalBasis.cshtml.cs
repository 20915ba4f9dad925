using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// Corrects what a legal basis fixes for ranking: the lower bound of each star, which stars are recognised, and the
/// star-minimum rule. The record gets a new value (audited); results already written when a round closed keep theirs.
/// </summary>
[Authorize(Roles = nameof(Role.Administrator))]
public sealed class EditLegalBasisModel(OcopDbContext db) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public BasisInput Input { get; set; } = new();
    public LegalBasis Basis { get; private set; } = null!;

    public sealed class BasisInput
    {
        public int Version { get; set; }
        public List<BandInput> Bands { get; set; } = [];
        public MinimumConsensus Consensus { get; set; }
        [Required(ErrorMessage = "Nhập quy tắc yêu cầu tối thiểu."), StringLength(2000, ErrorMessage = "Tối đa 2000 ký tự.")]
        public string Statement { get; set; } = "";
    }

    public sealed class BandInput
    {
        public int Stars { get; set; }
        public string? From { get; set; }
        public bool Recognised { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var record = await db.LegalBases.AsNoTracking().SingleOrDefaultAsync(b => b.Id == Id, ct);
        if (record is null)
        {
            return NotFound();
        }

        Basis = record.ToModel();
        Input = new BasisInput
        {
            Version = record.Version,
            Bands = Basis.StarBands.OrderBy(b => b.Stars).Select(b => new BandInput { Stars = b.Stars, From = b.From.ToVietnamese(), Recognised = b.Recognised }).ToList(),
            Consensus = Basis.Minimums.Consensus,
            Statement = Basis.Minimums.Statement,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var record = await db.LegalBases.SingleOrDefaultAsync(b => b.Id == Id, ct);
        if (record is null)
        {
            return NotFound();
        }

        Basis = record.ToModel();
        if (record.Version != Input.Version)
        {
            ModelState.AddModelError("", "Căn cứ vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
        }

        if (!Enum.IsDefined(Input.Consensus))
        {
            ModelState.AddModelError("Input.Consensus", "Chọn cách quyết định yêu cầu tối thiểu.");
        }

        var bands = ReadBands();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        record.Definition = LawJson.Write(Basis with
        {
            StarBands = bands,
            Minimums = Basis.Minimums with { Consensus = Input.Consensus, Statement = Input.Statement.Trim() },
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã lưu ngưỡng sao và quy tắc của căn cứ {Basis.Code}.";
        return Redirect("/Scoresheets/LegalBases");
    }

    private List<StarBand> ReadBands()
    {
        var bands = new List<StarBand>();
        var expected = Basis.StarBands.Select(b => b.Stars).OrderBy(s => s).ToList();
        if (!Input.Bands.Select(b => b.Stars).OrderBy(s => s).SequenceEqual(expected))
        {
            ModelState.AddModelError("", "Danh sách hạng sao không khớp với căn cứ. Tải lại trang rồi sửa lại.");
            return bands;
        }

        for (var i = 0; i < Input.Bands.Count; i++)
        {
            var band = Input.Bands[i];
            if (!Points.TryParse(band.From, out var from) || from < Points.Zero || from > Basis.TotalPoints)
            {
                ModelState.AddModelError($"Input.Bands[{i}].From", $"Ngưỡng phải là số từ 0 đến {Basis.TotalPoints.ToVietnamese()}, tối đa một chữ số thập phân.");
                continue;
            }

            bands.Add(new StarBand(band.Stars, from, band.Recognised));
        }

        var ordered = bands.OrderBy(b => b.Stars).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].From <= ordered[i - 1].From)
            {
                var index = Input.Bands.FindIndex(b => b.Stars == ordered[i].Stars);
                ModelState.AddModelError($"Input.Bands[{index}].From",
                    $"Ngưỡng {ordered[i].Stars} sao phải cao hơn ngưỡng {ordered[i - 1].Stars} sao ({ordered[i - 1].From.ToVietnamese()}).");
            }
        }

        if (bands.Count == expected.Count && !bands.Any(b => b.Recognised))
        {
            ModelState.AddModelError("", "Phải có ít nhất một hạng sao được công nhận.");
        }

        return ordered;
    }
}
