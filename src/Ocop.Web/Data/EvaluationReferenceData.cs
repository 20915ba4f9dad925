using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;

namespace Ocop.Web.Data;

/// <summary>
/// Seeds the law of evaluation: legal bases, processes, the 26 scoresheets of 148/2023 and of 26/2026 (from the
/// transcribed files in Data/Seed, provenance kept, unverified until an administrator checks each against the
/// gazette), and the dossier checklist. Only what is missing is added, so corrections survive.
/// </summary>
public static class EvaluationReferenceData
{
    private static readonly (string File, string Basis)[] ScoresheetFiles =
    [
        ("scoresheets-148.json", "148/2023"),
        ("scoresheets-26-2026.json", "26/2026"),
    ];

    public static async Task SeedAsync(OcopDbContext db, string seedFolder, CancellationToken ct = default)
    {
        var knownBases = await db.LegalBases.Select(b => b.Code).ToListAsync(ct);
        foreach (var basis in LegalBases.All.Where(b => !knownBases.Contains(b.Code)))
        {
            db.LegalBases.Add(new LegalBasisRecord
            {
                Code = basis.Code, Title = basis.Title, EffectiveFrom = basis.EffectiveFrom, EffectiveTo = basis.EffectiveTo,
                Definition = LawJson.Write(basis),
            });
        }

        var knownProcesses = await db.EvaluationProcesses.Select(p => p.Code).ToListAsync(ct);
        foreach (var process in EvaluationProcesses.All.Where(p => !knownProcesses.Contains(p.Code)))
        {
            db.EvaluationProcesses.Add(new EvaluationProcessRecord
            {
                Code = process.Code, Title = process.Name, EffectiveFrom = process.EffectiveFrom, EffectiveTo = process.EffectiveTo,
                Definition = LawJson.Write(process),
            });
        }

        await db.SaveChangesAsync(ct);

        foreach (var (file, basisCode) in ScoresheetFiles)
        {
            if (await db.Scoresheets.AnyAsync(s => s.LegalBasisCode == basisCode, ct))
            {
                continue;
            }

            var basis = (await db.LegalBases.SingleAsync(b => b.Code == basisCode, ct)).ToModel();
            var read = ScoresheetReader.Read(await File.ReadAllTextAsync(Path.Combine(seedFolder, file), ct), basis);
            if (read.Errors.Count > 0)
            {
                throw new InvalidOperationException($"{file}: {string.Join("; ", read.Errors)}");
            }

            db.Scoresheets.AddRange(read.Sheets.Select(FromModel));
            await db.SaveChangesAsync(ct);
        }

        if (!await db.DossierChecklist.AnyAsync(ct))
        {
            db.DossierChecklist.AddRange(Checklist());
            await db.SaveChangesAsync(ct);
        }
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
