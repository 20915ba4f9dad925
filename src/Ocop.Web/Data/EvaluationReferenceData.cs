using Microsoft.EntityFrameworkCore;
using Ocop.Core.Calendar;
using Ocop.Core.Evaluation;

namespace Ocop.Web.Data;

/// <summary>
/// Seeds the law of evaluation: legal bases, processes, the 26 scoresheets of 148/2023 and of 26/2026 (from the
/// transcribed files in Data/Seed, provenance kept, unverified until an administrator checks each against the
/// gazette), with the evident corrections of the printed 26/2026 text recorded on each version they touch
/// (scoresheets-26-2026-corrections.json), the dossier checklist and the public holidays deadlines count over. Only
/// what is missing is added, so corrections survive.
/// </summary>
public static class EvaluationReferenceData
{
    private static readonly (string File, string Basis, string? Corrections)[] ScoresheetFiles =
    [
        ("scoresheets-148.json", "148/2023", null),
        ("scoresheets-26-2026.json", "26/2026", "scoresheets-26-2026-corrections.json"),
    ];

    private const string HolidayFileName = "holidays-vietnam.json";

    public static async Task SeedAsync(OcopDbContext db, string seedFolder, CancellationToken ct = default)
    {
        var knownBases = await db.LegalBases.Select(b => b.Code).ToListAsync(ct);
        foreach (var basis in LegalBases.All.Where(b => !knownBases.Contains(b.Code)))
        {
            db.LegalBases.Add(new LegalBasisRecord
            {
                Code = basis.Code,
                Title = basis.Title,
                EffectiveFrom = basis.EffectiveFrom,
                EffectiveTo = basis.EffectiveTo,
                Definition = LawJson.Write(basis),
            });
        }

        var knownProcesses = await db.EvaluationProcesses.Select(p => p.Code).ToListAsync(ct);
        foreach (var process in EvaluationProcesses.All.Where(p => !knownProcesses.Contains(p.Code)))
        {
            db.EvaluationProcesses.Add(new EvaluationProcessRecord
            {
                Code = process.Code,
                Title = process.Name,
                EffectiveFrom = process.EffectiveFrom,
                EffectiveTo = process.EffectiveTo,
                Definition = LawJson.Write(process),
            });
        }

        await db.SaveChangesAsync(ct);

        foreach (var (file, basisCode, correctionsFile) in ScoresheetFiles)
        {
            var basis = (await db.LegalBases.SingleAsync(b => b.Code == basisCode, ct)).ToModel();
            var corrections = correctionsFile is null ? []
                : ScoresheetCorrections.Read(await File.ReadAllTextAsync(Path.Combine(seedFolder, correctionsFile), ct)).Specs;
            if (await db.Scoresheets.AnyAsync(s => s.LegalBasisCode == basisCode, ct))
            {
                await PublishCorrectedAsync(db, basis, corrections, ct);
                continue;
            }

            var read = ScoresheetReader.Read(await File.ReadAllTextAsync(Path.Combine(seedFolder, file), ct), basis);
            if (read.Errors.Count > 0)
            {
                throw new InvalidOperationException($"{file}: {string.Join("; ", read.Errors)}");
            }

            var sheets = new List<Scoresheet>();
            foreach (var sheet in read.Sheets)
            {
                var corrected = ScoresheetCorrections.Apply(sheet, corrections, basis);
                if (corrected.Errors.Count > 0)
                {
                    throw new InvalidOperationException($"{correctionsFile}: {string.Join("; ", corrected.Errors)}");
                }

                sheets.Add(corrected.Sheet);
            }

            db.Scoresheets.AddRange(sheets.Select(FromModel));
            await db.SaveChangesAsync(ct);
        }

        await SeedHolidaysAsync(db, Path.Combine(seedFolder, HolidayFileName), ct);

        if (!await db.DossierChecklist.AnyAsync(ct))
        {
            db.DossierChecklist.AddRange(Checklist());
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// A database seeded before the corrections existed holds the sets that cannot add up as printed as drafts: each such
    /// set without any published version gets a new version, corrected and published, beside the draft as printed.
    /// </summary>
    private static async Task PublishCorrectedAsync(OcopDbContext db, LegalBasis basis, IReadOnlyList<CorrectionSpec> corrections, CancellationToken ct)
    {
        var sets = corrections.SelectMany(c => c.Sets).ToHashSet();
        if (sets.Count == 0)
        {
            return;
        }

        var records = await db.Scoresheets.Where(s => s.LegalBasisCode == basis.Code && sets.Contains(s.ProductSetNumber)).ToListAsync(ct);
        foreach (var group in records.GroupBy(r => r.ProductSetNumber).Where(g => g.All(r => r.Status == ScoresheetStatus.Draft)))
        {
            var newest = group.MaxBy(r => r.SheetVersion)!.ToModel();
            var corrected = ScoresheetCorrections.Apply(newest with { Version = newest.Version + 1, Status = ScoresheetStatus.Draft, Corrections = null }, corrections, basis);
            if (corrected.Errors.Count == 0 && corrected.Sheet.Status == ScoresheetStatus.Published)
            {
                db.Scoresheets.Add(FromModel(corrected.Sheet));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The holidays of each year of the file that has none recorded yet (an office's own edits of a year are kept).</summary>
    private static async Task SeedHolidaysAsync(OcopDbContext db, string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var years = HolidayFile.Read(await File.ReadAllTextAsync(path, ct));
        var known = (await db.PublicHolidays().Select(h => h.Date).ToListAsync(ct)).Select(d => d.Year).ToHashSet();
        foreach (var year in years.Where(y => !known.Contains(y.Year)))
        {
            db.PublicHolidays().AddRange(year.DaysOff.Select(d => new PublicHoliday { Date = d.Date, Name = d.Name }));
            db.PublicHolidays().AddRange(year.WorkedWeekendDays.Select(d => new PublicHoliday { Date = d.Date, Name = d.Name, WorkedWeekendDay = true }));
        }

        await db.SaveChangesAsync(ct);
    }

    public static ScoresheetRecord FromModel(Scoresheet sheet) => new()
    {
        LegalBasisCode = sheet.LegalBasisCode,
        ProductSetNumber = sheet.ProductSetNumber,
        ProductSetCode = sheet.ProductSetCode,
        ProductSetName = sheet.ProductSetName,
        SheetVersion = sheet.Version,
        EffectiveFrom = sheet.EffectiveFrom,
        Status = sheet.Status,
        Verified = sheet.Verified,
        Definition = LawJson.Write(sheet),
    };

    // The common dossier of 148 (producer dossier and supporting evidence, OCOP.md §2) and the forms of 26/2026.
    // The exact list is unverified against the gazette: administrators edit it per product group.
    private static IEnumerable<DossierChecklistItem> Checklist()
    {
        var order = 0;
        DossierChecklistItem Item(string title, bool required, string basis = "148/2023", string prefix = "", DossierVariant? only = null) =>
            new() { Title = title, Required = required, LegalBasisCode = basis, CategoryPrefix = prefix, OnlyFor = only, SortOrder = ++order };

        return
        [
            Item("Phiếu đăng ký sản phẩm (mẫu 01)", true),
            Item("Phiếu tự đánh giá, phân hạng sản phẩm (mẫu 02)", true, "26/2026"),
            Item("Phương án, kế hoạch sản xuất kinh doanh", true),
            Item("Sơ đồ tổ chức bộ máy của chủ thể", true),
            Item("Giấy chứng nhận đăng ký kinh doanh / đăng ký hợp tác xã", true),
            Item("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", true, prefix: "I"),
            Item("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (đồ uống)", true, prefix: "II"),
            Item("Tiêu chuẩn công bố / bản tự công bố chất lượng sản phẩm", true),
            Item("Phiếu kết quả kiểm nghiệm sản phẩm", true),
            Item("Mã số mã vạch, tem truy xuất nguồn gốc", false),
            Item("Giấy chứng nhận sở hữu trí tuệ (nhãn hiệu, chỉ dẫn địa lý)", false),
            Item("Hồ sơ nguồn gốc nguyên liệu, hợp đồng liên kết", false),
            Item("Hồ sơ, thủ tục về môi trường", false),
            Item("Hồ sơ hệ thống quản lý chất lượng (VietGAP, HACCP, ISO …)", false),
            Item("Minh chứng thị trường, xúc tiến thương mại", false),
            Item("Câu chuyện sản phẩm", false),
            Item("Giải thưởng, chứng nhận khác", false),
            Item("Ảnh 05 mẫu sản phẩm (trừ dịch vụ du lịch)", true, prefix: "I"),
            Item("Giấy phép kinh doanh dịch vụ du lịch / điểm du lịch", true, prefix: "VI"),
            Item("Minh chứng những thay đổi để nâng hạng sao", true, "26/2026", only: DossierVariant.Upgrade),
            Item("Cập nhật nguyên liệu, công nghệ, bao bì, kiểm nghiệm, thị trường, sản lượng, doanh thu (đánh giá lại)", true, "26/2026", only: DossierVariant.Reevaluation),
            Item("Giấy chứng nhận OCOP đã được cấp", true, only: DossierVariant.Reevaluation),
        ];
    }
}
