namespace Ocop.Web.Tests.Infrastructure;

/// <summary>Names from the demo data (src/Ocop.Web/Data/DemoData.cs) that the tests lean on.</summary>
public static class Demo
{
    // Users, one per role; the password is DemoData.Password.
    public const string Admin = "admin";
    public const string ProgramOffice = "vanphong";
    public const string Department = "phongban";
    /// <summary>Commune officer of the new commune Châu Thành (since 1 July 2025: the former township, Đa Lộc, Mỹ Chánh and Thanh Mỹ).</summary>
    public const string ChauThanhOfficer = "canbo.chauthanh";
    /// <summary>Commune officer for Hòa Minh.</summary>
    public const string HoaMinhOfficer = "canbo.hoaminh";
    public const string Council = "hoidong";
    /// <summary>Producer: HTX Tiến Thành in Long Hòa.</summary>
    public const string Producer = "chuthe";
    public const string Leader = "lanhdao";

    public static readonly string[] Users = [Admin, ProgramOffice, Department, ChauThanhOfficer, HoaMinhOfficer, Council, Producer, Leader];

    // Communes before 1 July 2025, by statistics code.
    public const string DaLoc = "29377";
    public const string MyChanh = "29380";
    public const string ThanhMy = "29383";
    public const string HoaMinh = "29410";
    public const string LongHoa = "29413";
    public const string ChauThanhDistrict = "847";
    public const string TraVinh = "84";
    public const string BenTre = "83";
    public const string VinhLong = "86";
    // Since 1 July 2025: the commune Châu Thành took over the township, Mỹ Chánh, Thanh Mỹ and Đa Lộc (same code as the old township),
    // in the province Vĩnh Long (86, the code of the old Vĩnh Long too), merged from Trà Vinh (84), Bến Tre (83) and Vĩnh Long.
    public const string ChauThanhCommune = "29374";

    // Subjects.
    public const string BaNam = "Hộ kinh doanh Bánh tét Bà Năm";          // Đa Lộc
    public const string UtHien = "Hộ kinh doanh Bánh tét Út Hiền";        // Mỹ Chánh
    public const string ConChim = "Hợp tác xã Du lịch cộng đồng Cồn Chim"; // Hòa Minh
    public const string TienThanh = "Hợp tác xã Tiến Thành";               // Long Hòa, the producer's own

    // Products.
    public const string BanhTetLaCam = "Bánh tét lá cẩm Đa Lộc";          // Bà Năm, Đa Lộc
    public const string BanhTetNhanChuoi = "Bánh tét nhân chuối Đa Lộc";  // Bà Năm, Đa Lộc
    public const string BanhTetMyChanh = "Bánh tét Mỹ Chánh";            // Út Hiền, Mỹ Chánh
    public const string ConChimTour = "Điểm du lịch cộng đồng Cồn Chim";  // Cồn Chim, Hòa Minh
    public const string GaoLongHoa = "Gạo hữu cơ Long Hòa – Hòa Minh";   // Tiến Thành, Long Hòa
    public const string ChauXoDua = "Chậu trồng cây xơ dừa";             // archived in the demo data

    /// <summary>Product sub-group I.3.b (processed from rice and cereals): a taxonomy leaf with a scoresheet product set.</summary>
    public const string RiceProductsCategory = "I.3.b";
    /// <summary>Product group I.3 (processed food): a group with sub-groups, not selectable for a product.</summary>
    public const string ProcessedFoodGroup = "I.3";
}
