"""Page furniture and debris: web-page navigation, login links and publication lines around a report,
and word-processor leftovers. Such lines are never report content (section ``other``)."""

from __future__ import annotations

import re

# Short lines of navigation, login and page furniture.
DEBRIS_RE = re.compile(
    r"^(?:.{0,6}登录|.{0,4}注册|还没有账号|忘记密码|账号|发布时间|发布日期|发文日期|来源[:：]|信息来源|作者[:：]|"
    r"浏览次数|阅读次数|点击[数量率次]|访问量|【?打印|【?关闭|字号|字体[:：]|分享到|扫一扫|上一篇|下一篇|"
    r"返回顶部|【?收藏|责任编辑|网站地图|版权所有|主办单位|[^\n]{0,20}ICP备|首页\s*[>＞]|当前位置)"
)
DEBRIS_MAX_CHARS = 40


def is_debris(norm: str) -> bool:
    """Is this (normalised) line web-page debris: login links, 发布时间, 打印本页, 字号 大中小 ...?"""
    return len(norm) <= DEBRIS_MAX_CHARS and bool(DEBRIS_RE.match(norm))
