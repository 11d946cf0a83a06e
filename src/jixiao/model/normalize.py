"""Text normalisation shared by the 指标值 grammar and the importers: NFKC, look-alike symbols, 繁→简."""

from __future__ import annotations

import re
import unicodedata

# Traditional → simplified, one character each, written as pairs "繁简". Only characters never written in
# simplified text are listed, so a hit really is traditional text (乾 著 覆 藉 瞭 夥 stay out).
_TRADITIONAL_PAIRS = (
    "萬万 億亿 個个 項项 戶户 畝亩 噸吨 於于 過过 內内 達达 兩两 為为 標标 準准 確确 時时 間间 "
    "數数 計计 劃划 單单 經经 濟济 會会 滿满 務务 對对 產产 資资 預预 績绩 據据 級级 編编 碼码 "
    "稱称 書书 費费 職职 臺台 輛辆 張张 條条 場场 與与 來来 質质 總总 財财 專专 門门 辦办 縣县 "
    "鄉乡 鎮镇 區区 設设 員员 營营 業业 農农 學学 習习 訓训 練练 實实 際际 現现 發发 環环 衛卫 "
    "醫医 療疗 藥药 養养 險险 補补 貼贴 獎奖 勵励 貧贫 難难 幫帮 勞劳 動动 範范 榮荣 譽誉 師师 "
    "崗岗 輔辅 隊队 穩稳 積积 極极 維维 護护 權权 響响 豐丰 廣广 長长 關关 愛爱 負负 責责 檢检 "
    "監监 規规 撥拨 執执 價价 評评 審审 結结 應应 調调 報报 說说 問问 態态 續续 顯显 嚴严 國国 "
    "樣样 歲岁 歸归 當当 無无 論论 議议 認认 識识 語语 話话 讀读 寫写 聽听 見见 視视 觀观 覺觉 "
    "親亲 記记 許许 試试 詳详 請请 讓让 謝谢 講讲 證证 譯译 變变 讚赞 貨货 貸贷 貿贸 賣卖 買买 "
    "賬账 貴贵 賓宾 購购 賠赔 賺赚 贈赠 贊赞 貢贡 賦赋 賞赏 賢贤 貫贯 輸输 轉转 輕轻 較较 載载 "
    "輪轮 軍军 車车 軟软 邊边 遠远 違违 遞递 選选 還还 運运 進进 連连 遷迁 適适 遺遗 陽阳 陰阴 "
    "陳陈 階阶 隱隐 雙双 雜杂 雞鸡 離离 電电 霧雾 靈灵 韓韩 頁页 順顺 須须 領领 頻频 題题 額额 "
    "顏颜 類类 顧顾 風风 飛飞 飯饭 飲饮 館馆 馬马 驗验 驚惊 體体 髮发 鬥斗 鬧闹 魚鱼 鳥鸟 鳴鸣 "
    "鹽盐 麥麦 黃黄 點点 黨党 齊齐 齒齿 龍龙 龜龟 閉闭 開开 閒闲 閣阁 閱阅 闊阔 陸陆 陣阵 陝陕 "
    "絲丝 紅红 約约 紀纪 純纯 紙纸 納纳 紛纷 細细 終终 組组 絕绝 給给 統统 絡络 綜综 綠绿 網网 "
    "綱纲 線线 緊紧 緣缘 縮缩 織织 繼继 纏缠 訂订 討讨 訪访 訴诉 診诊 詞词 詩诗 該该 誌志 誤误 "
    "誰谁 課课 談谈 諸诸 謀谋 譜谱 針针 釘钉 鈔钞 鋼钢 錄录 錢钱 錯错 鍵键 鏈链 鐵铁 鑑鉴 鑒鉴 "
    "銀银 銷销 鋪铺 鍛锻 鏡镜 鐘钟 鍾钟 銳锐 錦锦 飼饲 餅饼 餘余 饑饥 飢饥 東东 舉举 義义 烏乌 "
    "樂乐 喬乔 亂乱 爭争 虧亏 雲云 亞亚 僅仅 從从 倉仓 儀仪 們们 眾众 優优 傘伞 偉伟 傳传 傷伤 "
    "倫伦 偽伪 佈布 侖仑 俠侠 係系 倆俩 側侧 債债 傾倾 僑侨 儲储 兇凶 兒儿 蘭兰 興兴 獸兽 岡冈 "
    "冊册 馮冯 衝冲 決决 況况 凍冻 淨净 涼凉 減减 湊凑 幾几 鳳凤 憑凭 凱凯 擊击 劉刘 則则 剛刚 "
    "創创 刪删 別别 劑剂 劍剑 劇剧 勸劝 勁劲 勢势 勳勋 勻匀 匯汇 華华 協协 盧卢 卻却 廠厂 廳厅 "
    "曆历 歷历 壓压 厭厌 參参 敘叙 疊叠 葉叶 號号 嘆叹 後后 嗎吗 啟启 吳吴 啞哑 喚唤 喪丧 嚇吓 "
    "團团 園园 圍围 圖图 圓圆 聖圣 壞坏 塊块 堅坚 壇坛 壩坝 墳坟 墜坠 壘垒 墊垫 塗涂 墾垦 牆墙 "
    "壯壮 聲声 殼壳 壺壶 處处 備备 復复 複复 夠够 頭头 誇夸 夾夹 奪夺 奮奋 妝妆 婦妇 媽妈 孫孙 "
    "寧宁 寶宝 寵宠 憲宪 宮宫 寬宽 寢寝 尋寻 導导 壽寿 將将 爾尔 塵尘 嘗尝 堯尧 層层 屆届 屬属 "
    "豈岂 島岛 嶺岭 嶽岳 峽峡 巖岩 鞏巩 幣币 帥帅 帳帐 帶带 幹干 莊庄 慶庆 廬庐 庫库 廟庙 廢废 "
    "異异 棄弃 彌弥 彎弯 彈弹 強强 彙汇 彥彦 徹彻 徑径 憶忆 懷怀 憐怜 戀恋 惡恶 悶闷 懸悬 懼惧 "
    "慘惨 懲惩 憊惫 慚惭 慣惯 願愿 懇恳 戲戏 戰战 撲扑 擴扩 掃扫 揚扬 擾扰 撫抚 拋抛 搶抢 擔担 "
    "擬拟 攏拢 揀拣 擁拥 攔拦 擰拧 擇择 掛挂 摯挚 撈捞 損损 撿捡 換换 搗捣 擄掳 攜携 擺摆 搖摇 "
    "攝摄 攤摊 擠挤 擋挡 攪搅 斂敛 斷断 舊旧 曠旷 晝昼 晉晋 曬晒 曉晓 暫暂 術术 樸朴 機机 殺杀 "
    "楊杨 構构 樞枢 棟栋 欄栏 樹树 檔档 橋桥 樓楼 槍枪 櫃柜 歡欢 歐欧 殘残 殯殡 毀毁 氣气 漢汉 "
    "湯汤 溝沟 沒没 瀝沥 淪沦 滬沪 潑泼 澤泽 潔洁 灑洒 濃浓 濤涛 濱滨 淺浅 漿浆 測测 渾浑 濁浊 "
    "滅灭 淵渊 澀涩 漁渔 滲渗 溫温 灣湾 濕湿 潰溃 濾滤 滯滞 漸渐 灘滩 瀟潇 瀾澜 災灾 燈灯 爐炉 "
    "煉炼 燒烧 煩烦 熱热 燦灿 爺爷 牽牵 犧牺 狀状 獨独 獄狱 獵猎 貓猫 獻献 璽玺 畢毕 畫画 暢畅 "
    "瘡疮 瘋疯 癢痒 盜盗 盞盏 盡尽 盤盘 睜睁 瞞瞒 矯矫 礦矿 磚砖 礎础 礙碍 禮礼 禍祸 禿秃 種种 "
    "窮穷 竊窃 竅窍 豎竖 競竞 筆笔 節节 築筑 簡简 籃篮 糧粮 纖纤 罰罚 羅罗 聯联 聰聪 腦脑 膽胆 "
    "勝胜 脅胁 臉脸 膚肤 腫肿 脹胀 腸肠 臟脏 臨临 艦舰 艙舱 艱艰 藝艺 蘇苏 莖茎 薦荐 蕭萧 蘿萝 "
    "蟲虫 蝦虾 雖虽 裝装 製制 襲袭 覽览 觸触 貝贝 敗败 販贩 貪贪 貯贮 貳贰 賤贱 賀贺 賈贾 賊贼 "
    "賄贿 賃赁 賂赂 賽赛 贏赢 趕赶 趙赵 趨趋 躍跃 蹤踪 踐践 軌轨 軒轩 轟轰 輝辉 輩辈 辭辞 遼辽 "
    "邁迈 這这 遲迟 遜逊 邏逻 郵邮 鄰邻 鄭郑 釀酿 釋释 鑰钥 閃闪 靜静 韋韦 頂顶 頑顽 頓顿 頗颇 "
    "頸颈 顛颠 顫颤 颳刮 飄飘 驅驱 駕驾 駐驻 騎骑 騙骗 驟骤 鬍胡 鬆松 魯鲁 鮮鲜 鯨鲸 鴨鸭 鵝鹅 "
    "麗丽 齡龄 週周 遊游 註注 傢家 傑杰 裡里 裏里 檯台 颱台 簽签 籤签 摺折 蘋苹 隻只 纔才 薑姜 "
    "繫系 並并 併并 迴回 沖冲 醜丑 穀谷 嚮向 捨舍 麼么 鬱郁 捲卷 瀏浏 徵征 隨随 隸隶 頃顷 頒颁 "
    "頌颂 頰颊 頹颓 顆颗 飾饰 餓饿 餵喂 騷骚 髒脏 魷鱿 鯉鲤 鴻鸿 鵬鹏 鶴鹤 鷹鹰 黴霉 鼕冬 齋斋 "
)

_TO_SIMPLIFIED: dict[int, str] = {ord(pair[0]): pair[1] for pair in _TRADITIONAL_PAIRS.split()}

# What NFKC leaves alone: operator look-alikes, middle-dot variants and invisible characters.
_LOOKALIKES: dict[int, str | None] = {
    **dict.fromkeys(map(ord, "≧⩾⋝"), "≥"),
    **dict.fromkeys(map(ord, "≦⩽⋜"), "≤"),
    ord("═"): "=",
    **dict.fromkeys(map(ord, "・•∙‧･⋅"), "·"),
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None),
}

_TABLE: dict[int, str | None] = {**_TO_SIMPLIFIED, **_LOOKALIKES}


def normalize_text(s: str) -> str:
    """NFKC, then look-alike operators and middle dots to their standard form, then 繁→简."""
    if s.isascii():
        return s
    return unicodedata.normalize("NFKC", s).translate(_TABLE)


def to_simplified(s: str) -> tuple[str, bool]:
    """The text with traditional characters made simplified, and whether there were any."""
    simplified = s.translate(_TO_SIMPLIFIED)
    return simplified, simplified != s


_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """True when a text holds a digit (any script's, as str.isdigit says of decimals), by one regex search."""
    return _DIGIT.search(text) is not None
