using System.Globalization;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Public;

/// <summary>
/// Every word of the public pages in Vietnamese and English, side by side, with the formats of each (vi-VN: 05/03/2026,
/// 1.234; en: 5 March 2026, 1,234). The Vietnamese is the program's own; the English is for visitors and buyers abroad.
/// </summary>
public sealed class PublicText
{
    public static readonly PublicText Vi = new(english: false);
    public static readonly PublicText En = new(english: true);

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private readonly bool english;

    private PublicText(bool english) => this.english = english;

    public static PublicText For(bool english) => english ? En : Vi;

    public bool IsEnglish => english;
    public string Lang => english ? "en" : "vi";
    public string OgLocale => english ? "en_GB" : "vi_VN";
    public CultureInfo Culture => english ? English : Display.Vi;

    public string Date(DateOnly? date) => date is { } d ? d.ToString(english ? "d MMMM yyyy" : "dd/MM/yyyy", Culture) : "";
    public string Number(long value) => value.ToString("N0", Culture);

    private string T(string vi, string en) => english ? en : vi;

    // Layout.
    public string SiteName => T("Sản phẩm OCOP", "OCOP products");
    public string SkipToContent => T("Bỏ qua điều hướng", "Skip to content");
    public string NavHome => T("Trang chủ", "Home");
    public string NavCatalog => T("Sản phẩm", "Products");
    public string NavMap => T("Bản đồ", "Map");
    public string NavCheck => T("Kiểm tra chứng nhận", "Check a certificate");
    public string MainNavigation => T("Chính", "Main");
    public string SignIn => T("Đăng nhập", "Sign in");
    public string WorkPages => T("Trang làm việc", "Work pages");
    public string OtherLanguage => T("English", "Tiếng Việt");
    public string OtherLang => T("en", "vi");
    public string Footer => T("Chương trình Mỗi xã một sản phẩm (OCOP)", "One Commune One Product programme (OCOP)");

    // Home.
    public string HomeTitle => T("Sản phẩm OCOP được chứng nhận", "Certified OCOP products");
    public string HomeLead => T(
        "Tìm sản phẩm OCOP, kiểm tra hạng sao và giấy chứng nhận, xem nơi mua trên bản đồ.",
        "Find OCOP products, check their stars and certificates, and see where to buy them on the map.");
    public string SearchLabel => T("Tìm sản phẩm", "Search products");
    public string SearchHint => T("Gõ có dấu hay không dấu đều được, ví dụ: banh tet, gao, mat ong.", "With or without Vietnamese accents, e.g. banh tet, gao, mat ong.");
    public string SearchButton => T("Tìm", "Search");
    public string FiguresHeading => T("Số liệu hôm nay", "Figures today");
    public string ValidProducts => T("sản phẩm còn hiệu lực chứng nhận", "products with a valid certificate");
    public string StarProducts(int stars) => english ? $"{stars}-star products" : $"sản phẩm {stars} sao";
    public string Producers => T("chủ thể có sản phẩm được chứng nhận", "producers of certified products");
    public string Communes => T("xã, phường có sản phẩm", "communes with products");
    public string SalesPointsCount => T("điểm bán sản phẩm OCOP", "OCOP sales points");
    public string FeaturedHeading => T("Sản phẩm tiêu biểu", "Featured products");
    public string SeeAll => T("Xem tất cả sản phẩm", "See all products");
    public string MapTeaser => T("Xem điểm bán, cơ sở sản xuất và điểm du lịch trên bản đồ", "See sales points, producers and tourism points on the map");
    public string CheckTeaser => T("Kiểm tra một giấy chứng nhận OCOP theo số", "Check an OCOP certificate by its number");

    // Catalog.
    public string CatalogTitle => T("Sản phẩm OCOP", "OCOP products");
    public string Filters => T("Bộ lọc", "Filters");
    public string Search => T("Từ khóa", "Words");
    public string Stars => T("Hạng sao", "Stars");
    public string AnyStars => T("Mọi hạng sao", "Any stars");
    public string StarsOption(int stars) => english ? $"{stars} stars" : $"{stars} sao";
    public string Group => T("Nhóm sản phẩm", "Product group");
    public string AnyGroup => T("Mọi nhóm", "All groups");
    public string Province => T("Tỉnh, thành phố", "Province");
    public string AnyProvince => T("Cả nước", "Whole country");
    public string Commune => T("Xã, phường (tên mới hoặc cũ)", "Commune (new or former name)");
    public string AtSalesPoint => T("Có bán tại điểm bán OCOP", "Sold at an OCOP sales point");
    public string Apply => T("Lọc", "Filter");
    public string ResultCount(int count) => english ? $"{Number(count)} products" : $"{Number(count)} sản phẩm";
    public string NoResults => T("Không có sản phẩm nào khớp với tìm kiếm.", "No product matches the search.");
    public string PreviousPage => T("Trang trước", "Previous page");
    public string NextPage => T("Trang sau", "Next page");
    public string PageOf(int page, int pages) => english ? $"Page {page} of {pages}" : $"Trang {page}/{pages}";
    public string Pagination => T("Phân trang", "Pages");

    // Product.
    public string StarsLabel(int stars) => english ? $"{stars} OCOP stars" : $"{stars} sao OCOP";
    public string Producer => T("Chủ thể", "Producer");
    public string ProductLabel => T("Sản phẩm", "Product");
    public string MadeIn => T("Nơi sản xuất", "Made in");
    public string NowIn(string current) => english ? $"now {current}" : $"nay {current}";
    public string Category => T("Nhóm sản phẩm", "Product group");
    public string Certificate => T("Giấy chứng nhận", "Certificate");
    public string CertificateNumber => T("Số giấy chứng nhận", "Certificate number");
    public string IssuedOn => T("Ngày cấp", "Issued on");
    public string ExpiresOn => T("Hết hạn", "Expires on");
    public string ValidUntil => T("Hiệu lực đến hết ngày", "Valid until");
    public string State => T("Tình trạng hôm nay", "Status today");
    public string Decision => T("Quyết định", "Decision");
    public string Issuer => T("Cơ quan ban hành", "Issued by");
    public string CheckedOn => T("Ngày kiểm tra", "Checked on");
    public string Lapsed(string number, DateOnly expiredOn) => english
        ? $"Certificate {number} expired on {Date(expiredOn)}: the product does not carry OCOP stars today."
        : $"Giấy chứng nhận số {number} đã hết hạn ngày {Date(expiredOn)}: sản phẩm hiện không mang hạng sao OCOP.";
    public string RevokedBy => T("Thu hồi", "Revoked");

    public string Revoked(string number, DateOnly? revokedOn) => english
        ? $"Certificate {number} was revoked{(revokedOn is null ? "" : " on " + Date(revokedOn))}: the product does not carry OCOP stars today."
        : $"Giấy chứng nhận số {number} đã bị thu hồi{(revokedOn is null ? "" : " từ ngày " + Date(revokedOn))}: sản phẩm hiện không mang hạng sao OCOP.";
    public string NotYetValid(string number, DateOnly from) => english
        ? $"Certificate {number} takes effect on {Date(from)}."
        : $"Giấy chứng nhận số {number} có hiệu lực từ ngày {Date(from)}.";
    public string NoStarsBadge => T("Không còn hiệu lực", "No longer valid");
    public string About => T("Giới thiệu", "About");
    public string Story => T("Câu chuyện sản phẩm", "The product's story");
    public string Contact => T("Liên hệ", "Contact");
    public string Address => T("Địa chỉ", "Address");
    public string Phone => T("Điện thoại", "Phone");
    public string Email => T("Thư điện tử", "E-mail");
    public string ContactThroughPlaces => T(
        "Chủ thể là hộ kinh doanh hoặc tổ hợp tác: liên hệ qua nơi bán dưới đây hoặc văn phòng OCOP.",
        "A household business or cooperative group: reach it through the places below or the OCOP office.");
    public string WhereToBuy => T("Nơi mua", "Where to buy");
    public string SalesPoints => T("Điểm bán", "Sales points");
    public string Online => T("Mua trực tuyến", "Online");
    public string NoWhereToBuy => T("Chưa có điểm bán hay gian hàng trực tuyến nào được ghi nhận cho sản phẩm này.", "No sales point or online shop has been recorded for this product yet.");
    public string OnTheMap => T("Xem trên bản đồ", "See on the map");
    public string OtherProducts => T("Sản phẩm OCOP khác của chủ thể", "Other OCOP products of this producer");
    public string QrCode => T("Mã QR của trang này", "QR code of this page");
    public string QrAlt(string product) => english ? $"QR code opening the page of {product}" : $"Mã QR mở trang sản phẩm {product}";
    public string Gtin => T("Mã số mã vạch (GTIN)", "Barcode (GTIN)");
    public string Photos => T("Ảnh sản phẩm", "Photos");
    public string CheckThisCertificate => T("Kiểm tra giấy chứng nhận này", "Check this certificate");

    // Map.
    public string MapTitle => T("Bản đồ điểm bán, cơ sở sản xuất và điểm du lịch", "Map of sales points, producers and tourism points");
    public string MapNoTiles => T("Bản đồ nền chưa được cấu hình: các điểm vẫn hiện trên khung và trong danh sách dưới đây.", "No base map is configured: the places still show in the frame and in the list below.");
    public string MapLabel => T("Bản đồ các địa điểm", "Map of the places");
    public string PlacesHeading => T("Danh sách địa điểm", "List of places");
    public string NoPlaces => T("Chưa có địa điểm nào được ghi nhận.", "No place has been recorded yet.");
    public string SoldHere => T("Sản phẩm OCOP bán tại đây", "OCOP products sold here");
    public string NoPosition => T("chưa có tọa độ", "no position recorded");
    public string KindFilter => T("Loại địa điểm", "Kind of place");
    public string AnyKind => T("Mọi loại", "All kinds");

    // Certificate check.
    public string CheckTitle => T("Kiểm tra giấy chứng nhận OCOP", "Check an OCOP certificate");
    public string CheckLead => T("Nhập số in trên giấy chứng nhận, ví dụ 2026/OCOP-86-001.", "Enter the number printed on the certificate, e.g. 2026/OCOP-86-001.");
    public string CheckButton => T("Kiểm tra", "Check");
    public string CertificateNotFound => T("Không có giấy chứng nhận OCOP nào mang số này.", "No OCOP certificate bears this number.");
    public string AsIssued => T("Nội dung như khi cấp; tình trạng tính theo ngày hôm nay.", "As issued; the status is computed for today.");
    public string ProductPage => T("Xem trang sản phẩm", "See the product's page");

    // Not found.
    public string NotFoundTitle => T("Không tìm thấy", "Not found");
    public string ProductNotPublic => T("Không có sản phẩm OCOP công khai nào ở địa chỉ này.", "There is no public OCOP product at this address.");

    public string StateName(CertificateState state) => !english ? Display.Name(state) : state switch
    {
        CertificateState.NotYetValid => "Not yet valid",
        CertificateState.Valid => "Valid",
        CertificateState.ReevaluationWindowOpen => "Valid (re-evaluation due)",
        CertificateState.ExpiringSoon => "Valid, expiring within 30 days",
        CertificateState.Expired => "Expired",
        CertificateState.KeptValidPendingReevaluation => "Valid pending re-evaluation",
        CertificateState.Revoked => "Revoked",
        CertificateState.ReevaluationFiled => "Valid, re-evaluation filed",
        CertificateState.Superseded => "Superseded after re-evaluation",
        _ => state.ToString(),
    };

    public string LegalFormName(LegalForm form) => !english ? Display.Name(form) : form switch
    {
        LegalForm.Company => "Company",
        LegalForm.PrivateEnterprise => "Private enterprise",
        LegalForm.Cooperative => "Cooperative",
        LegalForm.CooperativeGroup => "Cooperative group",
        LegalForm.HouseholdBusiness => "Household business",
        _ => form.ToString(),
    };

    public string PlaceKindName(PlaceKind kind) => kind switch
    {
        PlaceKind.SalesPoint => T("Điểm bán sản phẩm OCOP", "OCOP sales point"),
        PlaceKind.Producer => T("Cơ sở sản xuất", "Producer"),
        PlaceKind.Tourism => T("Điểm du lịch cộng đồng", "Community tourism point"),
        _ => kind.ToString(),
    };

    /// <summary>A product group's name: the taxonomy's own in Vietnamese; in English, by its code (the taxonomy of Decision 148 has no English).</summary>
    public string GroupName(string code, string name) => english && GroupsInEnglish.TryGetValue(code, out var en) ? en : name;

    private static readonly Dictionary<string, string> GroupsInEnglish = new(StringComparer.Ordinal)
    {
        ["I"] = "Food",
        ["I.1"] = "Fresh food",
        ["I.2"] = "Raw and pre-processed food",
        ["I.3"] = "Processed food",
        ["I.4"] = "Condiments",
        ["I.5"] = "Tea",
        ["I.6"] = "Coffee and cocoa",
        ["II"] = "Drinks",
        ["II.1"] = "Alcoholic drinks",
        ["II.2"] = "Non-alcoholic drinks",
        ["III"] = "Herbal products",
        ["III.1"] = "Functional foods, herbal and traditional medicines",
        ["III.2"] = "Cosmetics with herbal ingredients",
        ["III.3"] = "Essential oils and other herbal products",
        ["IV"] = "Handicrafts",
        ["IV.1"] = "Household and decorative handicrafts",
        ["IV.2"] = "Textiles and garments",
        ["V"] = "Ornamental plants and animals",
        ["V.1"] = "Flowers",
        ["V.2"] = "Ornamental plants",
        ["V.3"] = "Ornamental animals",
        ["VI"] = "Community tourism",
        ["VI.1"] = "Community tourism, eco-tourism and destinations",
    };
}
