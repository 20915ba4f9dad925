using Ocop.Core.Units;

namespace Ocop.Core.Registry;

/// <summary>
/// Rules a subject's and a product's record must keep, whoever writes it (a form, the API, an import). Each answers
/// with the one-line reason in Vietnamese, or null when the rule holds.
/// </summary>
public static class RegistryRules
{
    /// <summary>Local and trained workers are among the subject's workers, never more.</summary>
    public static (string? Local, string? Trained) WorkforceProblems(int total, int local, int trained) => (
        local > total ? "Lao động địa phương không được nhiều hơn tổng số lao động." : null,
        trained > total ? "Lao động qua đào tạo không được nhiều hơn tổng số lao động." : null);

    /// <summary>A registration (or establishment) date lies in the past or today: a record is never registered ahead.</summary>
    public static string? RegisteredOnProblem(DateOnly registeredOn, DateOnly today) =>
        registeredOn > today ? "Ngày đăng ký, thành lập không được sau hôm nay." : null;

    /// <summary>A green value chain (plan target T4) is claimed only with its evidence of a stable raw-material area.</summary>
    public static string? GreenChainProblem(bool greenValueChain, string? evidence) =>
        greenValueChain && string.IsNullOrWhiteSpace(evidence) ? "Nêu minh chứng vùng nguyên liệu ổn định cho chuỗi giá trị xanh." : null;

    /// <summary>A barcode, when given, is a GTIN-8, -12, -13 or -14 with a right check digit.</summary>
    public static string? GtinProblem(string? gtin) =>
        gtin is not null && !Gtin.IsValid(gtin) ? "Mã vạch GTIN không hợp lệ: cần 8, 12, 13 hoặc 14 chữ số với số kiểm tra đúng." : null;

    /// <summary>A product is archived by its own action (which keeps its history), never by editing its status.</summary>
    public static string? EditedStatusProblem(ProductStatus status) =>
        status == ProductStatus.Archived ? "Dùng nút \"Lưu trữ sản phẩm\" để lưu trữ."
        : !Enum.IsDefined(status) ? "Trạng thái không hợp lệ." : null;

    /// <summary>
    /// A record is placed in a commune that exists today, or that existed on the record's own date (a subject registered
    /// in 2018 in a commune merged in 2025 stays there: the commune of today covers it), or where it already lies.
    /// Null when the place holds; else the day the commune ceased to exist, for the message.
    /// </summary>
    public static DateOnly? CeasedPlace(UnitValidity commune, DateOnly today, DateOnly? recordDate, bool alreadyThere) =>
        alreadyThere || commune.IsValidOn(today) || (recordDate is DateOnly on && commune.IsValidOn(on)) ? null : commune.ValidTo?.AddDays(1) ?? commune.ValidFrom;
}
