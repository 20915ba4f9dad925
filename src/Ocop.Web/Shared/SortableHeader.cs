using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Ocop.Web.Shared;

/// <summary>
/// A list's column header that sorts by its column: a link to the same list ordered by it (again: the reverse), every
/// other filter kept and back on the first page; the current order is announced with aria-sort.
/// </summary>
public static class SortableHeader
{
    public static IHtmlContent For(HttpRequest request, string column, string label, string? current, bool isDefault = false)
    {
        var ascending = current == column || (isDefault && string.IsNullOrEmpty(current));
        var descending = current == "-" + column;
        var url = Pager.With(request, ("page", null), ("sort", ascending ? "-" + column : column));
        var (sort, arrow) = ascending ? ("ascending", " ▲") : descending ? ("descending", " ▼") : ("none", "");
        // The app's encoder leaves Vietnamese letters as they are (HtmlEncoder.Default would write them as entities).
        var encoder = request.HttpContext.RequestServices.GetRequiredService<HtmlEncoder>();
        return new HtmlString(
            $"<th scope=\"col\" aria-sort=\"{sort}\"><a href=\"{encoder.Encode(url)}\">{encoder.Encode(label)}<span aria-hidden=\"true\">{arrow}</span></a></th>");
    }
}
