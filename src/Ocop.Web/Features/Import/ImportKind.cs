using System.ComponentModel.DataAnnotations;

namespace Ocop.Web.Features.Import;

/// <summary>The lists an office can bring in from Excel, each with its template.</summary>
public enum ImportKind
{
    [Display(Name = "Chủ thể OCOP")] Subjects = 1,
    [Display(Name = "Sản phẩm")] Products = 2,
    [Display(Name = "Hỗ trợ chủ thể")] SupportRecords = 3,
    [Display(Name = "Quyết định công nhận và giấy chứng nhận đã cấp")] Recognitions = 4,
}

/// <summary>One column of a template: its Vietnamese header (the key the file is read by), whether a row needs it, and a hint.</summary>
/// <param name="List">The name of the template's list that offers its values, if any.</param>
public sealed record ImportColumn(string Header, bool Required, string Hint, string? List = null);

/// <summary>What became of one row of a file.</summary>
public enum RowStatus
{
    [Display(Name = "Thêm mới")] Created = 1,
    [Display(Name = "Cập nhật")] Updated = 2,
    [Display(Name = "Không đổi")] Unchanged = 3,
    [Display(Name = "Từ chối")] Refused = 4,
}

/// <param name="Row">The row's number in the sheet (the header is row 1).</param>
/// <param name="Label">What the row is about, for the report ("Bánh tét lá cẩm — Hộ kinh doanh Bà Năm").</param>
public sealed record RowResult(int Row, RowStatus Status, string Label, IReadOnlyList<string> Reasons)
{
    public static RowResult Refused(int row, string label, IEnumerable<string> reasons) => new(row, RowStatus.Refused, label, reasons.ToList());
}

/// <summary>The outcome of a dry run or a commit: every row's result, in the file's order.</summary>
/// <param name="Committed">Written (a commit that finished); false for a dry run.</param>
public sealed record ImportReport(ImportKind Kind, string FileName, IReadOnlyList<string> Headers, IReadOnlyList<RowResult> Rows, bool Committed)
{
    public int Count(RowStatus status) => Rows.Count(r => r.Status == status);
}
