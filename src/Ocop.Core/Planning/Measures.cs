using System.ComponentModel.DataAnnotations;
using Ocop.Core.Registry;

namespace Ocop.Core.Planning;

/// <summary>What an indicator counts. The law's definitions (T1–T7, program 919) are records built from these kinds.</summary>
public enum MeasureKind
{
    [Display(Name = "Sản phẩm có công nhận OCOP còn hiệu lực (theo hạng sao)")] ValidRecognitions = 1,
    [Display(Name = "Sản phẩm đã xếp hạng trước kỳ được củng cố, nâng hạng trong kỳ")] ConsolidatedOrUpgraded = 2,
    [Display(Name = "Chủ thể theo loại hình")] SubjectsByLegalForm = 3,
    [Display(Name = "Chủ thể có chuỗi giá trị OCOP xanh")] GreenValueChain = 4,
    [Display(Name = "Làng nghề có sản phẩm OCOP")] CraftVillagesWithProduct = 5,
    [Display(Name = "Chủ thể bán qua kênh phân phối")] SubjectsWithChannels = 6,
    [Display(Name = "Sản phẩm được hỗ trợ theo loại (thương hiệu, nhãn hiệu…)")] SupportedProducts = 7,
    [Display(Name = "Lao động được đào tạo")] TrainedWorkers = 8,
    [Display(Name = "Chủ thể do phụ nữ làm chủ")] WomenLed = 9,
}

public enum MeasureOutput
{
    [Display(Name = "Số lượng")] Count = 1,
    [Display(Name = "Tỷ lệ (%)")] Percent = 2,
}

/// <summary>The kinds of support the plan names (III): a record of each given support feeds target T7.</summary>
public enum SupportKind
{
    [Display(Name = "Xây dựng thương hiệu")] Brand = 1,
    [Display(Name = "Đăng ký nhãn hiệu")] Trademark = 2,
    [Display(Name = "Bao bì, nhãn mác")] PackagingAndLabels = 3,
    [Display(Name = "Truy xuất nguồn gốc")] Traceability = 4,
    [Display(Name = "Đào tạo, tập huấn")] Training = 5,
    [Display(Name = "Xúc tiến thương mại")] TradePromotion = 6,
    [Display(Name = "Khác")] Other = 7,
}

/// <summary>Which records a measure counts: the drill-down lists these.</summary>
public enum RecordKind
{
    Products = 1,
    Subjects = 2,
    CraftVillages = 3,
}

/// <summary>
/// An indicator's definition: a measure kind and its parameters. Parameters a kind does not use are ignored.
/// </summary>
/// <param name="MinStars">ValidRecognitions: lowest star counted (3).</param>
/// <param name="MaxStars">ValidRecognitions: highest star counted (5).</param>
/// <param name="LegalForms">SubjectsByLegalForm: the forms in the numerator.</param>
/// <param name="Channels">SubjectsWithChannels: any of these channels puts a subject in the numerator.</param>
/// <param name="Support">SupportedProducts: the kind of support whose products are counted.</param>
/// <param name="TraditionalOnly">CraftVillagesWithProduct: count traditional craft villages only (program 919).</param>
public sealed record MeasureDefinition(
    MeasureKind Kind,
    MeasureOutput Output,
    int MinStars = 3,
    int MaxStars = 5,
    IReadOnlyList<LegalForm>? LegalForms = null,
    SalesChannels Channels = SalesChannels.None,
    SupportKind? Support = null,
    bool TraditionalOnly = false)
{
    /// <summary>Whether the kind has a percentage form (a denominator) at all.</summary>
    public static bool HasDenominator(MeasureKind kind) => kind is not (MeasureKind.ValidRecognitions or MeasureKind.SupportedProducts);

    /// <summary>Problems that make the definition unusable, in Vietnamese for the form; empty when it is fine.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Output == MeasureOutput.Percent && !HasDenominator(Kind))
        {
            problems.Add("Loại chỉ tiêu này chỉ đếm số lượng, không tính tỷ lệ.");
        }

        if (Kind == MeasureKind.ValidRecognitions && (MinStars is < 3 or > 5 || MaxStars is < 3 or > 5 || MinStars > MaxStars))
        {
            problems.Add("Hạng sao từ 3 đến 5, hạng thấp nhất không lớn hơn hạng cao nhất.");
        }

        if (Kind == MeasureKind.SubjectsByLegalForm && (LegalForms is null || LegalForms.Count == 0))
        {
            problems.Add("Chọn ít nhất một loại hình chủ thể.");
        }

        if (Kind == MeasureKind.SubjectsWithChannels && Channels == SalesChannels.None)
        {
            problems.Add("Chọn ít nhất một kênh phân phối.");
        }

        if (Kind == MeasureKind.SupportedProducts && Support is null)
        {
            problems.Add("Chọn loại hỗ trợ.");
        }

        return problems;
    }
}
