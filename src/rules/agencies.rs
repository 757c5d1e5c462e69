//! The 责任单位 the policy names, and Kaifeng's county-level areas. Benefits refer to agencies
//! by id; where the text says 县（区）人民政府 the family's own area is substituted, because
//! "the county government" is no help to someone deciding which door to knock on.

use serde::Serialize;

use super::facts::Area;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agency {
    pub id: AgencyId,
    /// As the policy writes it.
    pub zh: &'static str,
    pub en: &'static str,
    /// A public hotline that reaches it, where one is known. Local office numbers are not
    /// known and are never invented.
    pub hotline: Option<&'static str>,
}

// `AgencyId` and `AGENCIES`, from the records in policy/catalogue.toml (build/catalogue.rs).
include!(concat!(env!("OUT_DIR"), "/agencies.rs"));

/// The public hotlines RULINGS.md confirms; the only phone numbers this product prints.
pub const HOTLINES: [(&str, &str, &str); 3] = [
    (
        "12345",
        later!("政务服务便民热线"),
        en!("Government service hotline"),
    ),
    ("12320", later!("卫生健康热线"), en!("Health hotline")),
    (
        "12348",
        later!("公共法律服务热线"),
        en!("Public legal service hotline"),
    ),
];

// `is_city` and `local_suffix`, from the records in policy/catalogue.toml.
include!(concat!(env!("OUT_DIR"), "/agency_names.rs"));

impl AgencyId {
    pub fn agency(self) -> &'static Agency {
        AGENCIES
            .iter()
            .find(|a| a.id == self)
            .expect("every AgencyId has a row in AGENCIES (catalogue test)")
    }

    /// Whether the name depends on the family's area.
    pub fn is_local(self) -> bool {
        self.local_suffix().is_some() || self == AgencyId::CountyGovernment
    }

    /// The agency's name for this family: local offices carry the area's own name. The
    /// demonstration zone has no bureaus under those names (RULINGS, Round 3): its first stop
    /// is its management committee, which says which of its departments handles the matter.
    pub fn name_zh(self, area: Option<Area>) -> String {
        use crate::later::resolve;
        match (self, area, self.local_suffix()) {
            (AgencyId::CountyGovernment, Some(a), _) => resolve(a.government_zh()).to_string(),
            (_, Some(Area::Shifanqu), Some(_)) => {
                resolve(later!("城乡一体化示范区管理委员会（问明承办部门）")).to_string()
            }
            (_, Some(a), Some((zh, _))) => [resolve(a.office_prefix_zh()), resolve(zh)].concat(),
            _ => resolve(self.agency().zh).to_string(),
        }
    }

    pub fn name_en(self, area: Option<Area>) -> String {
        use crate::english::resolve;
        match (self, area, self.local_suffix()) {
            (AgencyId::CountyGovernment, Some(a), _) => resolve(a.government_en()).to_string(),
            (_, Some(Area::Shifanqu), Some(_)) => resolve(en!(
                "Demonstration Zone management committee (ask which department handles it)"
            ))
            .to_string(),
            (_, Some(a), Some((_, en))) => [resolve(a.name_en()), " ", resolve(en)].concat(),
            _ => resolve(self.agency().en).to_string(),
        }
    }
}

impl Area {
    pub fn name_zh(self) -> &'static str {
        match self {
            Area::Longting => "龙亭区",
            Area::Shunhe => "顺河回族区",
            Area::Gulou => "鼓楼区",
            Area::Yuwangtai => "禹王台区",
            Area::Xiangfu => "祥符区",
            Area::Qixian => "杞县",
            Area::Tongxu => "通许县",
            Area::Weishi => "尉氏县",
            Area::Lankao => "兰考县",
            Area::Shifanqu => "城乡一体化示范区",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Area::Longting => en!("Longting District"),
            Area::Shunhe => en!("Shunhe Hui District"),
            Area::Gulou => en!("Gulou District"),
            Area::Yuwangtai => en!("Yuwangtai District"),
            Area::Xiangfu => en!("Xiangfu District"),
            Area::Qixian => en!("Qi County"),
            Area::Tongxu => en!("Tongxu County"),
            Area::Weishi => en!("Weishi County"),
            Area::Lankao => en!("Lankao County"),
            Area::Shifanqu => en!("Urban-Rural Integration Demonstration Zone"),
        }
    }

    /// Counties pay clause 6's premium alone; districts share it with the city (4:6).
    pub fn is_county(self) -> bool {
        matches!(
            self,
            Area::Qixian | Area::Tongxu | Area::Weishi | Area::Lankao
        )
    }

    /// The demonstration zone is a functional zone with its own office, not a district.
    pub fn government_zh(self) -> &'static str {
        match self {
            Area::Longting => later!("龙亭区人民政府"),
            Area::Shunhe => later!("顺河回族区人民政府"),
            Area::Gulou => later!("鼓楼区人民政府"),
            Area::Yuwangtai => later!("禹王台区人民政府"),
            Area::Xiangfu => later!("祥符区人民政府"),
            Area::Qixian => later!("杞县人民政府"),
            Area::Tongxu => later!("通许县人民政府"),
            Area::Weishi => later!("尉氏县人民政府"),
            Area::Lankao => later!("兰考县人民政府"),
            Area::Shifanqu => later!("城乡一体化示范区管理委员会"),
        }
    }

    pub fn government_en(self) -> &'static str {
        match self {
            Area::Shifanqu => en!("Demonstration Zone management committee"),
            Area::Longting => en!("Longting District government"),
            Area::Shunhe => en!("Shunhe Hui District government"),
            Area::Gulou => en!("Gulou District government"),
            Area::Yuwangtai => en!("Yuwangtai District government"),
            Area::Xiangfu => en!("Xiangfu District government"),
            Area::Qixian => en!("Qi County government"),
            Area::Tongxu => en!("Tongxu County government"),
            Area::Weishi => en!("Weishi County government"),
            Area::Lankao => en!("Lankao County government"),
        }
    }

    fn office_prefix_zh(self) -> &'static str {
        match self {
            Area::Shifanqu => later!("城乡一体化示范区"),
            other => other.name_zh(),
        }
    }
}
